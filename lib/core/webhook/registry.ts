import { invalidOption } from '../../errors';
import type { Card } from '../card';
import type { Webhook } from '../descriptor';
import type { Installation } from '../installation';
import type { Claims } from '../jwt/claims';
import type { PatternMatch, WebhookContext } from './context';
import { isMessageEvent, isWebhookEvent, toHostPattern, type WebhookEvent } from './events';
import type { PatternChecks } from './pattern-checks';
import { prepareValidator } from './validate-payload';

/**
 * A room notification the host posts to the room when a handler returns it
 * (docs/protocol.md#webhook-response).
 */
export interface WebhookReply {
  message: string;
  color?: 'yellow' | 'green' | 'red' | 'purple' | 'gray' | 'random';
  notify?: boolean;
  message_format?: 'html' | 'text';
  card?: Card;
}

/** A reply, its message text alone, or nothing (the host then posts nothing). */
export type WebhookResult = WebhookReply | string | undefined | void;

export type WebhookHandler<E extends WebhookEvent = WebhookEvent, M extends PatternMatch | undefined = PatternMatch | undefined> =
  (context: WebhookContext<E, M>) => Promise<WebhookResult> | WebhookResult;

export interface WebhookDeclaration {
  key: string;
  event: WebhookEvent;
  pattern: RegExp | undefined;
  name: string | undefined;
  /** Registered per room at run time (`addon.roomWebhook`) rather than declared in the descriptor. */
  dynamic: boolean;
  handler: WebhookHandler;
}

export interface WebhookOptions {
  pattern?: RegExp;
  /** Module key in the descriptor, and the last segment of the webhook's URL; defaults to the event and a counter. */
  key?: string;
  name?: string;
  /**
   * Left out of the descriptor: the webhook is registered for single rooms at run time with
   * `addon.roomWebhook(installation, room, key)`, and its deliveries come to this handler.
   */
  dynamic?: boolean;
}

/** Who sent a webhook, as the transport verified it; the second argument of `receive()`. */
export interface ReceiveOptions {
  installation: Installation;
  /** The verified JWT claims. A test may leave them out and gets the claims a host would have signed for the event. */
  claims?: Claims;
  /**
   * The webhook the host addressed (the key in its URL): only its handler runs. Without it, every
   * handler of the event whose pattern matches the text runs, as if each webhook had been delivered.
   */
  key?: string;
}

/** The webhooks an add-on declared, in declaration order. */
export class WebhookRegistry {
  private readonly declarations: WebhookDeclaration[] = [];

  constructor(private readonly patternChecks?: PatternChecks) {}

  add(event: string, options: WebhookOptions, handler: WebhookHandler): WebhookDeclaration {
    if (!isWebhookEvent(event)) throw invalidOption('webhook event', `one of the ten webhook events (docs/protocol.md#webhook-events), not "${event}"`);
    if (typeof handler !== 'function') throw invalidOption('webhook handler', 'a function');
    checkPattern(event, options.pattern);
    const key = options.key ?? `${event.replace(/_/g, '-')}-${this.declarations.length + 1}`;
    if (this.declarations.some((declaration) => declaration.key === key)) throw invalidOption('webhook key', `unique; "${key}" is taken`);
    if (options.dynamic !== undefined && typeof options.dynamic !== 'boolean') throw invalidOption('webhook dynamic', 'true or false');
    const declaration = { key, event, pattern: options.pattern, name: options.name, dynamic: options.dynamic ?? false, handler };
    prepareValidator(event);
    this.declarations.push(declaration);
    if (options.pattern) this.patternChecks?.add(key, options.pattern);
    return declaration;
  }

  find(key: string): WebhookDeclaration | undefined {
    return this.declarations.find((declaration) => declaration.key === key);
  }

  all(): readonly WebhookDeclaration[] {
    return this.declarations;
  }

  /** Descriptor entries with paths relative to the add-on's base URL. */
  descriptorEntries(pathFor: (key: string) => string): Webhook[] {
    return this.declarations.filter((declaration) => !declaration.dynamic).map((declaration) => ({
      key: declaration.key,
      event: declaration.event,
      url: pathFor(declaration.key),
      authentication: 'jwt' as const,
      ...(declaration.pattern ? { pattern: toHostPattern(declaration.pattern) } : {}),
      ...(declaration.name ? { name: declaration.name } : {}),
    }));
  }
}

function checkPattern(event: WebhookEvent, pattern: RegExp | undefined): void {
  if (pattern === undefined) return;
  if (!(pattern instanceof RegExp)) throw invalidOption('webhook pattern', 'a RegExp');
  if (!isMessageEvent(event)) throw invalidOption('webhook pattern', `left out for ${event}: only message events take one`);
  // Both flags make exec() remember where the last match ended, so one message would affect the next.
  if (pattern.global || pattern.sticky) throw invalidOption('webhook pattern', 'without the g and y flags');
}
