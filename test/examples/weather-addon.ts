import { createAddon, type Addon, type AddonOptions } from 'hipchat-connect';

export function createWeatherAddon(options: Partial<AddonOptions> = {}): Addon {
  const addon = createAddon({
    key: 'com.example.weather',
    name: 'Weather',
    description: 'Forecasts for your room',
    scopes: ['send_notification'],
    ...options,
  });

  // A slash command: the host sends only the messages its pattern matches.
  addon.webhook('room_message', { key: 'weather', pattern: /^\/weather\s+(?<city>\S.*)$/i }, (ctx) => ({
    message: `Sunny in ${ctx.match.groups.city}, @${ctx.sender.mention_name}`,
    color: 'green',
    message_format: 'text',
  }));

  // Every message, commands included; no reply unless it talks about rain.
  addon.webhook('room_message', { key: 'rain-watch' }, (ctx) => {
    if (/\brain\b/i.test(ctx.message)) return 'Rain? Not today.';
  });

  addon.webhook('room_enter', { key: 'greet' }, (ctx) => `Welcome to ${ctx.room.name}, ${ctx.sender.name}!`);

  addon.webhook('room_topic_change', { key: 'topic' }, (ctx) => {
    ctx.logger.info({ roomId: ctx.roomId, topic: ctx.payload.item.topic }, 'topic changed');
  });

  return addon;
}
