import express from 'express';
import { createAddon, type HipChatLocals } from 'hipchat-connect';

const addon = createAddon({
  key: 'com.example.standup',
  name: 'Stand-up',
  description: 'Reminds the room of its stand-up',
  scopes: ['send_notification'],
});

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The configuration page of HipChat's admin UI, served at /configure; room admins may open it too.
addon.configurable({ allowAccessToRoomAdmins: true }, async (_req, res) => {
  const { installation, scripts } = res.locals.hipchat;
  const time = (await addon.store.getValue(installation.oauthId, 'standup-time')) ?? '09:30';
  res.send(`<!doctype html><html><head>${scripts}</head><body>
<form id="settings"><label>Stand-up at <input name="time" type="time" value="${escape(time)}"></label><button>Save</button></form>
<script>
  document.getElementById('settings').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = new URLSearchParams(new FormData(event.target));
    await HipChatConnect.fetch('settings', { method: 'POST', body });
  });
</script></body></html>`);
});

// A page that opens in a new window, and the group admins' page, both served by the add-on.
addon.externalPage('history', { name: 'Stand-up history' }, (_req, res) => {
  res.send(`<h1>Stand-ups of group ${res.locals.hipchat.installation.groupId}</h1>`);
});
addon.adminPage({ url: '/admin/standup' });

const app = express();
app.use(addon.router);
app.get('/admin/standup', addon.page(), (_req, res) => {
  res.send(`<h1>Stand-up for the whole group</h1>`);
});
// The configuration page posts back with its page token; only a valid installation's page gets here.
app.post('/settings', addon.authenticate(), express.urlencoded({ extended: false, limit: '1kb' }), async (req, res) => {
  const { installation } = res.locals.hipchat as HipChatLocals;
  const time = String(req.body.time ?? '');
  if (!/^\d{2}:\d{2}$/.test(time)) return void res.status(400).json({ error: 'time must be HH:MM' });
  await addon.store.setValue(installation.oauthId, 'standup-time', time);
  res.status(204).end();
});
app.listen(3000);
