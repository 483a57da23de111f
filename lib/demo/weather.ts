import { createAddon, type Addon } from '../addon';
import type { PageLocals } from '../express/page';
import type { AddonOptions } from '../options';

/** The demo's icon, served by the demo command at WEATHER_ICON_PATH: a sun, so the glance has something to show. */
export const WEATHER_ICON_PATH = '/weather-icon.svg';
export const WEATHER_ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="4" fill="#f5a623"/></svg>';

/**
 * The example add-on the demo runs and the benchmark loads: a slash command answered with a room
 * notification, a glance in the sidebar that opens a forecast panel, and a log line for each installation.
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
  addon.webhook('room_message', { key: 'weather', pattern: /^\/weather(?:\s+(?<city>.+))?$/i, name: 'Weather command' }, (context) => {
    const city = context.match.groups.city?.trim() || 'your town';
    return { message: `Sunny in ${city}, 21°`, color: 'green', message_format: 'text' };
  });
  addon.glance('forecast', { name: 'Forecast', icon: WEATHER_ICON_PATH, target: 'forecast-panel' }, () => ({
    label: { type: 'html', value: '<b>21°</b> and sunny' },
    status: { type: 'lozenge', value: { label: 'Fine', type: 'success' } },
  }));
  addon.webPanel('forecast-panel', { name: 'Forecast', icon: WEATHER_ICON_PATH }, (_req, res) => {
    res.type('html').send(forecastPage(res.locals.hipchat));
  });
  return addon;
}

function forecastPage({ scripts, roomId }: PageLocals): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Forecast</title>${scripts}</head>
<body>
  <h1>Forecast${roomId === undefined ? '' : ` for room ${roomId}`}</h1>
  <p>Today: 21°, sunny. Tomorrow: 19°, a light breeze from the west.</p>
</body></html>`;
}
