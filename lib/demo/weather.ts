import { createAddon, type Addon } from '../addon';
import type { AddonOptions } from '../options';

/**
 * The example add-on the demo runs and the benchmark loads: a slash command answered with a room
 * notification, and a log line for each installation.
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
  return addon;
}
