import { invalidOption } from '../errors';
import type { Logger } from '../logger';
import type { Claims } from './claims';
import type { Webhook } from './descriptor';
import type { Installation } from './installation';
import { isWebhookEvent, MESSAGE_EVENTS, toHostPattern, type WebhookEvent } from './webhook-events';

/** A room notification the host posts to the room when a handler returns it (protocol section 7). */
export interface WebhookReply {
  message: string;
  color?: 'yellow' | 'green' | 'red' | 'purple' | 'gray' | 'random';
  notify?: boolean;
  message_format?: 'html' | 'text';
  card?: Record<string, unknown>;
}

export interface WebhookContext {
  event: WebhookEvent;
  payload: Record<string, unknown>;
  installation: Installation;
  claims: Claims;
  roomId: number | undefined;
  userId: string | undefined;
  /** The pattern's match against the message text (named groups in `match.groups`), when declared. */
  match: RegExpExecArray | undefined;
  logger: Logger;
}

export type WebhookHandler = (context: WebhookContext) => Promise<WebhookReply | string | void> | WebhookReply | string | void;

export interface WebhookDeclaration {
  key: string;
  event: WebhookEvent;
  pattern: RegExp | undefined;
  name: string | undefined;
  handler: WebhookHandler;
}

export interface WebhookOptions {
  pattern?: RegExp;
  /** Module key in the descriptor; defaults to the event and a counter. */
  key?: string;
  name?: string;
}

/** What a transport hands to `receive()`: already verified, not yet validated. */
export interface IncomingWebhook {
  /** The module the host addressed (from the URL); without it every matching handler of the event runs. */
  key?: string;
  payload: unknown;
  installation: Installation;
  claims: Claims;
}

/** The webhooks an add-on declared, in declaration order, and the one entry point that runs them. */
export class WebhookRegistry {
  private readonly declarations: WebhookDeclaration[] = [];

  add(event: string, options: WebhookOptions, handler: WebhookHandler): WebhookDeclaration {
    if (!isWebhookEvent(event)) throw invalidOption('webhook event', `one of the ten events of protocol section 7, not "${event}"`);
    if (typeof handler !== 'function') throw invalidOption('webhook handler', 'a function');
    if (options.pattern !== undefined && !MESSAGE_EVENTS.includes(event)) throw invalidOption('webhook pattern', `left out for ${event}: only message events take one`);
    const key = options.key ?? `${event.replace(/_/g, '-')}-${this.declarations.length + 1}`;
    if (this.declarations.some((declaration) => declaration.key === key)) throw invalidOption('webhook key', `unique; "${key}" is taken`);
    const declaration = { key, event, pattern: options.pattern, name: options.name, handler };
    this.declarations.push(declaration);
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
    return this.declarations.map((declaration) => ({
      key: declaration.key,
      event: declaration.event,
      url: pathFor(declaration.key),
      authentication: 'jwt' as const,
      ...(declaration.pattern ? { pattern: toHostPattern(declaration.pattern) } : {}),
      ...(declaration.name ? { name: declaration.name } : {}),
    }));
  }
}
