import type { PageLocals } from '../express/page';
import { CITY_PATTERN } from './cities';
import { attribute as escapeHtml } from '../core/ui/page-scripts';

/**
 * The demo's pages. Each loads the host's API and the client helper (`scripts`), then talks to the
 * add-on with `HipChatConnect.fetch`, which sends the page token, and to the host with the helper's
 * dialog and event calls.
 */
function page(title: string, { scripts }: PageLocals, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${scripts}
<style>body { font: 14px/1.45 system-ui, sans-serif; margin: 1rem; color: #333 } h1 { font-size: 1.1rem; margin: 0 0 .5rem }
* { box-sizing: border-box } button { font: inherit } input { font: inherit; padding: .3rem; width: 100% } .muted { color: #707070 }</style></head>
<body>
${body}
</body></html>`;
}

/** The sidebar: the forecast the add-on answers for this room and user, and a button for the city dialog. */
export function forecastPanelPage(locals: PageLocals): string {
  return page('Forecast', locals, `<h1>Forecast${locals.roomId === undefined ? '' : ` for room ${locals.roomId}`}</h1>
<p id="forecast" class="muted">Asking the add-on…</p>
<p id="asker" class="muted"></p>
<button id="choose" type="button">Choose a city…</button>
<script>
  async function showForecast() {
    const forecast = await (await HipChatConnect.fetch('/api/forecast')).json();
    document.getElementById('forecast').textContent = forecast.city + ': today ' + forecast.today + ', tomorrow ' + forecast.tomorrow + '.';
    document.getElementById('asker').textContent = 'Answered by the add-on for user ' + forecast.user + ' in room ' + forecast.room + '.';
  }
  document.getElementById('choose').addEventListener('click', () => HipChatConnect.dialog.open('choose-city'));
  HipChatConnect.onGlanceUpdate(showForecast);
  showForecast();
</script>`);
}

/** The dialog: Save is enabled once a city is typed; a click saves it through the add-on, then closes. */
export function chooseCityPage(locals: PageLocals): string {
  return page('Choose a city', locals, `<label>City <input id="city" autocomplete="off" placeholder="Lisbon"></label>
<p id="status" class="muted" role="status"></p>
<script>
  const city = document.getElementById('city');
  city.addEventListener('input', () => HipChatConnect.dialog.updatePrimaryAction({ enabled: city.value.trim() !== '' }));
  HipChatConnect.onDialogButton(async (event, closeDialog) => {
    if (event.action !== 'save') return closeDialog(true);
    const response = await HipChatConnect.fetch('/api/city', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ city: city.value.trim() }),
    });
    if (response.ok) return closeDialog(true);
    document.getElementById('status').textContent = 'The add-on refused: ' + (await response.json()).error.message;
    closeDialog(false);
  });
</script>`);
}

/**
 * The actions' dialog: the message, or the draft in the input box, arrives as the event named after the
 * action. For a draft, the primary button becomes "Insert", which adds the forecast to the input box.
 */
export function cityForecastPage(locals: PageLocals): string {
  return page('Forecast', locals, `<p id="forecast" class="muted">Choose "Forecast for this city" on a message that names a city.</p>
<p id="asker" class="muted"></p>
<script>
  let forecastText = '';
  async function showForecast(text) {
    const city = (text.match(new RegExp(${JSON.stringify(CITY_PATTERN)}, 'i')) || [])[0];
    const forecast = await (await HipChatConnect.fetch('/api/forecast' + (city ? '?city=' + encodeURIComponent(city) : ''))).json();
    forecastText = forecast.city + ': today ' + forecast.today + ', tomorrow ' + forecast.tomorrow + '.';
    document.getElementById('forecast').textContent = forecastText;
  }
  HipChatConnect.onAction('forecast-for-city', async (message) => {
    await showForecast(message.body);
    document.getElementById('asker').textContent = 'From ' + message.sender.name + ': "' + message.body + '"';
  });
  HipChatConnect.onAction('insert-forecast', async (draft) => {
    await showForecast(draft.body);
    HipChatConnect.dialog.update({ options: { primaryAction: { name: 'Insert', key: 'insert' } } });
  });
  HipChatConnect.onDialogButton((event, closeDialog) => {
    if (event.action === 'insert') HipChat.chat.appendMessage(' ' + forecastText);
    closeDialog(true);
  });
</script>`);
}

/** The configuration page, in the admin UI: the installation's city, changed through the same API. */
export function settingsPage(locals: PageLocals, city: string | undefined): string {
  return page('Weather settings', locals, `<h1>Weather settings</h1>
<form id="settings"><label>City of the glance <input id="city" name="city" autocomplete="off" value="${escapeHtml(city ?? '')}"></label>
<p><button type="submit">Save</button> <span id="status" class="muted" role="status"></span></p></form>
<script>
  document.getElementById('settings').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await HipChatConnect.fetch('/api/city', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ city: document.getElementById('city').value.trim() }),
    });
    document.getElementById('status').textContent = response.ok ? 'Saved.' : 'The add-on refused: ' + (await response.json()).error.message;
  });
</script>`);
}
