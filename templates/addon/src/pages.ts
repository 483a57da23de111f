import type { PageLocals } from 'hipchat-connect';
import { escapeHtml, page } from './html';

/**
 * The add-on's pages. Each talks to the add-on's own API (src/routes.ts) with `HipChatConnect.fetch`,
 * which sends the page token, and to the host with the helper's dialog calls.
 */

/** The sidebar: who was greeted last here, asked of the add-on with the page token, and a way to greet. */
export function sidebarPage({ scripts }: PageLocals): string {
  return page('Greetings', scripts, `<h1>Greetings</h1>
<p id="last" class="muted">Asking the add-on…</p>
<button id="greet" type="button">Greet someone…</button>
<script>
  async function showLast() {
    const answer = await (await HipChatConnect.fetch('/api/greetings')).json();
    document.getElementById('last').textContent = answer.lastGreeted
      ? answer.greeting + ', ' + answer.lastGreeted + '! was the last greeting here.'
      : 'Nobody greeted here yet: say /hello.';
  }
  document.getElementById('greet').addEventListener('click', () => HipChatConnect.dialog.open('send-greeting'));
  HipChatConnect.onGlanceUpdate(showLast);
  showLast();
</script>`);
}

/** The dialog: Send is enabled once a name is typed; the add-on posts the greeting to the room. */
export function greetDialogPage({ scripts }: PageLocals): string {
  return page('Greet someone', scripts, `<label>Who? <input id="who" autocomplete="off" placeholder="Grace"></label>
<p id="status" class="muted" role="status"></p>
<script>
  const who = document.getElementById('who');
  who.addEventListener('input', () => HipChatConnect.dialog.updatePrimaryAction({ enabled: who.value.trim() !== '' }));
  HipChatConnect.onDialogButton(async (event, closeDialog) => {
    if (event.action !== 'send') return closeDialog(true);
    const response = await HipChatConnect.fetch('/api/greetings', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ who: who.value.trim() }),
    });
    if (response.ok) return closeDialog(true);
    document.getElementById('status').textContent = 'The add-on refused: ' + (await response.json()).error.message;
    closeDialog(false);
  });
</script>`);
}

/** The configuration page of HipChat's admin UI: this installation's greeting. */
export function configurationPage({ scripts }: PageLocals, greeting: string): string {
  return page('Settings', scripts, `<h1>Settings</h1>
<form id="settings"><label>Greeting <input id="greeting" autocomplete="off" value="${escapeHtml(greeting)}"></label>
<p><button type="submit">Save</button> <span id="status" class="muted" role="status"></span></p></form>
<script>
  document.getElementById('settings').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await HipChatConnect.fetch('/api/settings', {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ greeting: document.getElementById('greeting').value.trim() }),
    });
    document.getElementById('status').textContent = response.ok ? 'Saved.' : 'The add-on refused: ' + (await response.json()).error.message;
  });
</script>`);
}
