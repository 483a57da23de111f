import path from 'node:path';
import ts from 'typescript';
import {
  createAddon, MemoryStore, type Addon, type FileReference, type MessageBase, type PatternMatch, type RoomAndSender,
  type RoomArchivedPayload, type RoomCreatedPayload, type RoomDeletedPayload, type RoomEnterPayload, type RoomExitPayload,
  type RoomFileUploadItem, type RoomFileUploadPayload, type RoomMessage, type RoomMessageItem, type RoomMessagePayload,
  type RoomNotification, type RoomNotificationItem, type RoomNotificationPayload, type RoomReference,
  type RoomTopicChangeItem, type RoomTopicChangePayload, type RoomUnarchivedPayload, type UserReference,
  type WebhookContext, type WebhookEnvelope, type WebhookEvent, type WebhookHandler, type WebhookOptions,
  type WebhookPayloads, type WebhookReply, type WebhookResult,
} from 'hipchat-connect';
import { testEvent } from 'hipchat-connect/testing';

/*
 * A type test: the handlers below are what must compile, and each @ts-expect-error line what must not.
 * `npm run typecheck` checks this file, and so does the test at the bottom (ts-jest only transpiles),
 * so a narrowing that breaks, or an error that goes away, fails the test run.
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
const expectType = <T extends true>(_proof: T): void => undefined;

function declareHandlers(addon: Addon): void {
  addon.webhook('room_notification', (ctx) => {
    expectType<Equal<typeof ctx.payload.item.message.from, string>>(true);
    expectType<Equal<typeof ctx.sender, string>>(true);
    expectType<Equal<typeof ctx.message, string>>(true);
    // @ts-expect-error a notification comes from an integration's name, not from a user
    void ctx.payload.item.message.from.mention_name;
    expectType<Equal<typeof ctx.payload.item.message.color, 'yellow' | 'green' | 'red' | 'purple' | 'gray' | 'random'>>(true);
  });

  addon.webhook('room_message', (ctx) => {
    expectType<Equal<typeof ctx.payload.item.message.from, UserReference>>(true);
    expectType<Equal<typeof ctx.sender, UserReference>>(true);
    expectType<Equal<typeof ctx.room, RoomReference>>(true);
    expectType<Equal<typeof ctx.event, 'room_message'>>(true);
    // Without a pattern there is no match.
    expectType<Equal<typeof ctx.match, undefined>>(true);
    // @ts-expect-error a room message has no colour; notifications do
    void ctx.payload.item.message.color;
    // @ts-expect-error the generated types are closed: a misspelt member does not compile
    void ctx.sender.mention_nam;
    return { message: `Hello @${ctx.sender.mention_name}`, color: 'green' };
  });

  addon.webhook('room_message', /^\/weather\s+(?<city>.+)$/i, (ctx) => {
    expectType<Equal<typeof ctx.match, PatternMatch>>(true);
    const city: string | undefined = ctx.match.groups.city;
    return `Sunny in ${city ?? 'your town'}`;
  });

  addon.webhook('room_message', { key: 'echo', pattern: /^\/echo (?<text>.+)$/ }, (ctx) => ctx.match.groups.text);

  addon.webhook('room_message', { key: 'everything' }, (ctx) => {
    // @ts-expect-error a webhook declared without a pattern has no match to read
    void ctx.match.groups;
  });

  addon.webhook('room_enter', (ctx) => {
    expectType<Equal<typeof ctx.sender, UserReference>>(true);
    // @ts-expect-error only message events have message text
    void ctx.message;
  });

  addon.webhook('room_topic_change', (ctx) => {
    expectType<Equal<typeof ctx.payload.item.topic, string>>(true);
  });

  addon.webhook('room_file_upload', (ctx) => {
    expectType<Equal<typeof ctx.payload.item.file.url, string>>(true);
  });

  // @ts-expect-error only message events take a pattern
  addon.webhook('room_enter', /^x/, () => undefined);

  // @ts-expect-error not one of the webhook events (docs/protocol.md#webhook-events)
  addon.webhook('room_joined', () => undefined);

  // @ts-expect-error a reply needs its message
  addon.webhook('room_message', () => ({ color: 'green' }));
}

/*
 * The exported names are the types a handler meets, so a handler written apart from its declaration
 * (in a file of its own, say) can name what it takes and returns.
 */
function declareHandlersApart(addon: Addon): void {
  const greet: WebhookHandler<'room_message'> = (ctx: WebhookContext<'room_message'>): WebhookResult => {
    const reply: WebhookReply = { message: `Hello @${ctx.sender.mention_name}`, color: 'green' };
    return reply;
  };
  const options = { key: 'greet', pattern: /^\/hello$/ } satisfies WebhookOptions;
  addon.webhook('room_message', options, greet);
}
type PayloadOf<E extends WebhookEvent> = WebhookContext<E>['payload'];
expectType<Equal<PayloadOf<'room_message'>, RoomMessagePayload>>(true);
expectType<Equal<PayloadOf<'room_notification'>, RoomNotificationPayload>>(true);
expectType<Equal<PayloadOf<'room_enter'>, RoomEnterPayload>>(true);
expectType<Equal<PayloadOf<'room_exit'>, RoomExitPayload>>(true);
expectType<Equal<PayloadOf<'room_topic_change'>, RoomTopicChangePayload>>(true);
expectType<Equal<PayloadOf<'room_archived'>, RoomArchivedPayload>>(true);
expectType<Equal<PayloadOf<'room_unarchived'>, RoomUnarchivedPayload>>(true);
expectType<Equal<PayloadOf<'room_created'>, RoomCreatedPayload>>(true);
expectType<Equal<PayloadOf<'room_deleted'>, RoomDeletedPayload>>(true);
expectType<Equal<PayloadOf<'room_file_upload'>, RoomFileUploadPayload>>(true);
expectType<Equal<PayloadOf<WebhookEvent>, WebhookPayloads[WebhookEvent]>>(true);
expectType<Equal<RoomMessagePayload['item'], RoomMessageItem>>(true);
expectType<Equal<RoomMessageItem['message'], RoomMessage>>(true);
expectType<Equal<RoomNotificationPayload['item'], RoomNotificationItem>>(true);
expectType<Equal<RoomNotificationItem['message'], RoomNotification>>(true);
expectType<Equal<RoomTopicChangePayload['item'], RoomTopicChangeItem>>(true);
expectType<Equal<RoomFileUploadPayload['item'], RoomFileUploadItem>>(true);
expectType<Equal<RoomFileUploadItem['file'], FileReference>>(true);
expectType<Equal<RoomEnterPayload['item'], RoomAndSender>>(true);
expectType<Equal<RoomMessage['from'], UserReference>>(true);
expectType<RoomMessagePayload extends WebhookEnvelope ? true : false>(true);
expectType<RoomMessage extends MessageBase ? true : false>(true);

it('declares handlers whose contexts narrow by event and pattern', () => {
  const addon = createAddon({ key: 'com.example.types', name: 'Types', description: 'Types', scopes: ['send_notification'], store: new MemoryStore() });
  // The run-time half: the declarations that must compile are accepted (those that must not are refused).
  expect(() => declareHandlers(addon)).toThrow('options.webhook pattern');
  expect(() => declareHandlersApart(addon)).not.toThrow();
  return addon.close();
});

it('type-checks: every line that must compile does, every @ts-expect-error line fails', () => {
  const root = path.join(__dirname, '..', '..', '..', '..');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const program = ts.createProgram([__filename], config!.options);
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(__filename));
  expect(diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
}, 60_000); // A budget for compiling lib/ on a busy machine, not an assertion on speed.

// testEvent's payloads have the same types as a handler's.
expectType<Equal<ReturnType<typeof testEvent<'room_notification'>>['item']['message']['from'], string>>(true);
