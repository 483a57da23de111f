import { createAddon } from 'hipchat-connect';

const addon = createAddon({
  key: 'com.example.translate',
  name: 'Translate',
  description: 'Translates a message',
  scopes: ['send_notification'],
});

// "Translate" in the menu of every message with some text, opening the dialog below.
addon.action('translate', {
  name: 'Translate',
  location: 'hipchat.message.action',
  target: 'translation',
  conditions: [
    { condition: 'message_matches', params: { type: 'message' } },
    { condition: 'message_sent_by_current_user', invert: true },
  ],
});

// "Translate my draft" on the input box, opening the same dialog with an option.
addon.action('translate-draft', {
  name: 'Translate my draft',
  location: 'hipchat.input.action',
  target: { key: 'translation', options: { size: 'small' } },
});

addon.dialog('translation', { title: 'Translation', options: { primaryAction: { name: 'Close', key: 'close' } } }, (_req, res) => {
  res.send(`<!doctype html><html><head>${res.locals.hipchat.scripts}</head>
<body><p id="text">Choose "Translate" on a message.</p>
<script>
  HipChatConnect.onAction('translate', (message) => {
    document.getElementById('text').textContent = 'Translating: ' + message.body;
  });
  HipChatConnect.onDialogButton((event, closeDialog) => closeDialog(true));
</script></body></html>`);
});

export default addon;
