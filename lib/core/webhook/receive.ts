import { ConnectError } from '../../errors';
import type { Logger } from '../../logger';
import type { ClientFor } from '../client';
import type { Installation } from '../installation';
import type { Claims } from '../jwt/claims';
import { buildContext, senderOf, type PatternMatch, type WebhookContext } from './context';
import type { ReceiveOptions, WebhookDeclaration, WebhookRegistry, WebhookReply, WebhookResult } from './registry';
import { validPayload, type WebhookPayload } from './validate-payload';

export interface ReceiveParts {
  logger: Logger;
  /** The REST client handlers find on `ctx.client`. */
  clientFor: ClientFor;
  /** Milliseconds since the epoch; dates the claims implied for a test that gave none. */
  now(): number;
}

/**
 * The one entry point for events (docs/principles.md#one-entry-for-events): HTTP, tests and the CLI all call
 * this. It validates the payload before any handler runs, runs the handlers the webhook is meant for one
 * after the other in declaration order, and returns the first reply a handler gave (the room notification to
 * post), if any.
 */
export async function receive(registry: WebhookRegistry, payload: unknown, options: ReceiveOptions, parts: ReceiveParts): Promise<WebhookReply | undefined> {
  const valid = validPayload(payload);
  const { installation, key } = options;
  const claims = options.claims ?? impliedClaims(installation, valid, parts.now());
  const declarations = key === undefined ? registry.all().filter((declaration) => declaration.event === valid.event) : [addressed(registry, key, valid)];
  let reply: WebhookReply | undefined;
  for (const declaration of declarations) {
    const match = matchOf(declaration, valid);
    if (match === null) {
      // The host matched this webhook's pattern and the local regex did not: a dialect difference the
      // author should hear about (unless the text was too long to match). A handler promised a match never runs without one.
      if (key !== undefined && messageText(valid).length <= MAX_MATCHED_LENGTH) parts.logger.warn({ webhook: key, oauthId: installation.oauthId }, 'webhook pattern did not match locally; handler skipped');
      continue;
    }
    const result = await runHandler(declaration, buildContext({ payload: valid, installation, claims, match, clientFor: parts.clientFor, logger: parts.logger }));
    reply ??= result;
  }
  return reply;
}

function addressed(registry: WebhookRegistry, key: string, payload: WebhookPayload): WebhookDeclaration {
  const declaration = registry.find(key);
  if (!declaration) throw new ConnectError('ROUTE_NOT_FOUND', `No webhook with key "${key}"`);
  if (declaration.event !== payload.event) {
    throw new ConnectError('PAYLOAD_INVALID', `Webhook ${key} listens to ${declaration.event}, not ${payload.event}`);
  }
  return declaration;
}

/**
 * HipChat refused messages longer than this; the host never matched a pattern against more. The local
 * match is bounded the same way: a pattern's cost grows with the text (quadratically for many common
 * ones), and nothing else limits the text of a signed webhook.
 */
export const MAX_MATCHED_LENGTH = 10_000;

/** Undefined without a pattern; null when the pattern does not match the text, or the text is too long to match. */
function matchOf(declaration: WebhookDeclaration, payload: WebhookPayload): PatternMatch | undefined | null {
  if (declaration.pattern === undefined) return undefined;
  const text = messageText(payload);
  if (text.length > MAX_MATCHED_LENGTH) return null;
  const match = declaration.pattern.exec(text);
  return match && Object.assign(match, { groups: match.groups ?? {} });
}

function messageText(payload: WebhookPayload): string {
  return 'message' in payload.item ? payload.item.message.message : '';
}

/** The claims a host would have signed for this event, for a caller (a test) that verified nothing. */
function impliedClaims(installation: Installation, payload: WebhookPayload, now: number): Claims {
  const sender = senderOf(payload);
  const iat = Math.floor(now / 1000);
  return {
    iss: installation.oauthId,
    ...(typeof sender === 'object' ? { sub: String(sender.id) } : {}),
    iat,
    exp: iat + 3600,
    context: { room_id: payload.item.room.id },
  };
}

async function runHandler(declaration: WebhookDeclaration, context: WebhookContext): Promise<WebhookReply | undefined> {
  let result: WebhookResult;
  try {
    result = await declaration.handler(context);
  } catch (cause) {
    context.logger.error({ err: cause, webhook: declaration.key, oauthId: context.installation.oauthId }, 'webhook handler failed');
    throw new ConnectError('HANDLER_FAILED', 'The webhook handler failed', { cause });
  }
  if (result === undefined || result === null) return undefined;
  return typeof result === 'string' ? { message: result } : result;
}
