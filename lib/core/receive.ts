import { ConnectError } from '../errors';
import type { Logger } from '../logger';
import type { IncomingWebhook, WebhookContext, WebhookDeclaration, WebhookRegistry, WebhookReply } from './webhooks';

/**
 * The one entry point for events (design principle 2): HTTP, tests and the CLI all call this with a
 * verified webhook. It checks the envelope, runs the handlers the webhook is meant for, and returns the
 * room notification to post, if a handler gave one.
 */
export async function receive(registry: WebhookRegistry, incoming: IncomingWebhook, logger: Logger): Promise<WebhookReply | undefined> {
  const payload = envelope(incoming.payload);
  const declarations = chooseDeclarations(registry, incoming.key, payload.event);
  let reply: WebhookReply | undefined;
  for (const declaration of declarations) {
    if (declaration.event !== payload.event) {
      throw new ConnectError('PAYLOAD_INVALID', `Webhook ${declaration.key} listens to ${declaration.event}, not ${payload.event}`);
    }
    const text = messageText(payload);
    const match = declaration.pattern && text !== undefined ? declaration.pattern.exec(text) ?? undefined : undefined;
    // The host matched the pattern already; a local miss means a dialect difference, not a reason to drop.
    const context = buildContext(incoming, payload, declaration, match, logger);
    const result = await runHandler(declaration, context);
    reply ??= result;
  }
  return reply;
}

interface Envelope extends Record<string, unknown> {
  event: string;
  item: Record<string, unknown>;
}

function envelope(payload: unknown): Envelope {
  const candidate = payload as Partial<Envelope> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.event !== 'string'
    || typeof candidate.item !== 'object' || candidate.item === null) {
    throw new ConnectError('PAYLOAD_INVALID', 'Webhook payload must be an object with "event" and "item"');
  }
  return candidate as Envelope;
}

function chooseDeclarations(registry: WebhookRegistry, key: string | undefined, event: string): readonly WebhookDeclaration[] {
  if (key === undefined) return registry.all().filter((declaration) => declaration.event === event);
  const declaration = registry.find(key);
  if (!declaration) throw new ConnectError('ROUTE_NOT_FOUND', `No webhook with key "${key}"`);
  return [declaration];
}

function messageText(payload: Envelope): string | undefined {
  const message = payload.item.message as { message?: unknown } | undefined;
  return typeof message?.message === 'string' ? message.message : undefined;
}

function buildContext(incoming: IncomingWebhook, payload: Envelope, declaration: WebhookDeclaration, match: RegExpExecArray | undefined, logger: Logger): WebhookContext {
  const room = payload.item.room as { id?: unknown } | undefined;
  const roomId = typeof room?.id === 'number' ? room.id : incoming.installation.roomId;
  return {
    event: declaration.event,
    payload,
    installation: incoming.installation,
    claims: incoming.claims,
    roomId,
    userId: incoming.claims.sub,
    match,
    logger,
  };
}

async function runHandler(declaration: WebhookDeclaration, context: WebhookContext): Promise<WebhookReply | undefined> {
  let result: Awaited<ReturnType<WebhookDeclaration['handler']>>;
  try {
    result = await declaration.handler(context);
  } catch (cause) {
    context.logger.error({ err: cause, webhook: declaration.key, oauthId: context.installation.oauthId }, 'webhook handler failed');
    throw new ConnectError('HANDLER_FAILED', 'The webhook handler failed', { cause });
  }
  if (result === undefined || result === null) return undefined;
  return typeof result === 'string' ? { message: result } : result;
}
