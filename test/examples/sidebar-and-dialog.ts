import express from 'express';
import { createAddon, type PageLocals } from 'hipchat-connect';

const addon = createAddon({
  key: 'com.example.polls',
  name: 'Polls',
  description: 'Quick polls in a room',
  scopes: ['send_notification', 'view_room'],
});

// A sidebar the add-on serves at a path of its choosing (/pages/polls).
addon.webPanel('polls', { name: 'Polls', icon: '/icons/poll.png' }, (_req, res) => {
  const { scripts, roomId } = res.locals.hipchat;
  res.send(`<!doctype html>
<html><head>${scripts}</head>
<body>
  <h1>Polls in room ${roomId}</h1>
  <button id="new">New poll</button>
  <ul id="polls"></ul>
  <script src="/polls.js"></script>
</body></html>`);
});

// A dialog whose page is an ordinary route of yours, at the URL you name.
addon.dialog('new-poll', {
  title: 'New poll',
  url: '/dialogs/new-poll',
  options: {
    size: 'medium',
    hint: 'Everyone in the room can vote',
    primaryAction: { name: 'Create', key: 'create', enabled: false },
    secondaryActions: [{ name: 'Cancel', key: 'cancel' }],
  },
});

const app = express();
app.use(addon.router);
app.use(express.static('public')); // polls.js, dialog.js, icons

// addon.page(): signed_request verified, framable by the host only, res.locals.hipchat filled.
app.get('/dialogs/new-poll', addon.page(), (_req, res) => {
  const { scripts } = res.locals.hipchat as PageLocals;
  res.send(`<!doctype html><html><head>${scripts}</head>
<body><input id="question" placeholder="Question"><script src="/dialog.js"></script></body></html>`);
});

// The pages' own API: the page token comes back as Authorization: JWT <token>.
app.get('/api/polls', addon.authenticate(), (_req, res) => {
  res.json({ room: res.locals.hipchat.roomId, polls: [] });
});

app.listen(3000);
