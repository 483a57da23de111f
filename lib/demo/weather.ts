import { createAddon, type Addon } from '../addon';
import type { GlanceData } from '../core/glance';
// Escapes for text as well as for attributes: the label rule refuses a stray '<', the page a stray quote.
import { attribute as escapeHtml } from '../core/ui/page-scripts';
import type { AddonOptions } from '../core/options';
import { CITY_PATTERN } from './cities';
import { chooseCityPage, cityForecastPage, forecastPanelPage, settingsPage } from './weather-pages';

/** The demo's icon, served by weatherRoutes at WEATHER_ICON_PATH: a sun, so the glance has something to show. */
export const WEATHER_ICON_PATH = '/weather-icon.svg';
export const WEATHER_ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="4" fill="#f5a623"/></svg>';

/** Where an installation's chosen city is kept, in the add-on's store. */
export const CITY_KEY = 'city';

/**
 * The example add-on the demo runs and the tests and benchmark load: a slash command answered with a
 * room notification; a glance that opens a forecast sidebar; in it, a dialog to choose the city, which
 * the glance then follows (pushed to the host); a "Forecast for this city" action on messages that name
 * a city, and "Insert a forecast" on the input box; and a configuration page. The pages call back to the add-on's own API, `weatherRoutes`.
 */
export function createWeatherAddon(overrides: Partial<AddonOptions> = {}): Addon {
  const addon = createAddon({
    key: 'com.example.weather',
    name: 'Weather',
    description: 'Answers /weather <city> with the forecast',
    vendor: { name: 'Example', url: 'https://example.com' },
    scopes: ['send_notification', 'view_room'],
    ...overrides,
  });
  addon.webhook('room_message', { key: 'weather', pattern: /^\/weather(?:\s+(?<city>\S.*))?$/i, name: 'Weather command' }, (context) => {
    const city = context.match.groups.city?.trim() || 'your town';
    return { message: `Sunny in ${city}, 21°`, color: 'green', message_format: 'text' };
  });
  addon.glance('forecast', { name: 'Forecast', icon: WEATHER_ICON_PATH, target: 'forecast-panel' }, async ({ installation }) =>
    forecastGlance(await addon.store.getValue(installation.oauthId, CITY_KEY)));
  addon.webPanel('forecast-panel', { name: 'Forecast', icon: WEATHER_ICON_PATH }, (_req, res) => {
    res.type('html').send(forecastPanelPage(res.locals.hipchat));
  });
  addon.dialog('choose-city', {
    title: 'Choose a city',
    options: {
      size: 'small', hint: 'The glance follows the city',
      primaryAction: { name: 'Save', key: 'save', enabled: false }, secondaryActions: [{ name: 'Cancel', key: 'cancel' }],
    },
  }, (_req, res) => void res.type('html').send(chooseCityPage(res.locals.hipchat)));
  addon.action('forecast-for-city', {
    name: 'Forecast for this city', location: 'hipchat.message.action', target: 'city-forecast',
    conditions: [{ condition: 'message_matches', params: { regex: { pattern: CITY_PATTERN, flags: 'i' } } }],
  });
  addon.action('insert-forecast', { name: 'Insert a forecast', location: 'hipchat.input.action', target: 'city-forecast' });
  addon.dialog('city-forecast', { title: 'Forecast', options: { size: 'small', primaryAction: { name: 'Close', key: 'close' } } },
    (_req, res) => void res.type('html').send(cityForecastPage(res.locals.hipchat)));
  addon.configurable({}, async (_req, res) => {
    const city = await addon.store.getValue(res.locals.hipchat.installation.oauthId, CITY_KEY);
    res.type('html').send(settingsPage(res.locals.hipchat, city));
  });
  return addon;
}

/** What the glance shows: the same whether queried or pushed. */
export function forecastGlance(city: string | undefined): GlanceData {
  return {
    label: { type: 'html', value: city === undefined ? '<b>21°</b> and sunny' : `<b>21°</b> and sunny in ${escapeHtml(city)}` },
    status: { type: 'lozenge', value: { label: 'Fine', type: 'success' } },
  };
}
