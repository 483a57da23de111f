import { ConnectError } from '../../errors';
import { describeProblems, problemsWith, validatorFor, type SchemaProblem } from '../schemas';
import { isWebhookEvent, WEBHOOK_EVENTS, type WebhookEvent } from './events';
import type { WebhookPayloads } from './payloads';

export type WebhookPayload = WebhookPayloads[keyof WebhookPayloads];

/** Enough for a host or a test to see what is wrong, without echoing every member of a large bad payload. */
const MAX_PROBLEMS = 10;

/**
 * Checks a webhook payload against the schema of the event it names (schemas/events/<event>), so a
 * handler only ever sees a payload of the shape its types promise. Each validator is compiled once.
 */
export function validPayload(payload: unknown): WebhookPayload {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw payloadInvalid([{ path: '', rule: 'must be object' }]);
  const event = (payload as { event?: unknown }).event;
  if (!isWebhookEvent(event)) throw payloadInvalid([{ path: '/event', rule: `must be one of ${WEBHOOK_EVENTS.join(', ')}` }]);
  const problems = problemsWith(schemaOf(event), payload);
  if (problems.length > 0) throw payloadInvalid(problems.slice(0, MAX_PROBLEMS), event);
  return payload as WebhookPayload;
}

/**
 * Compiles an event's validator at declaration rather than on its first delivery, which would otherwise
 * wait the tens to hundreds of milliseconds that loading and compiling the schemas takes.
 */
export function prepareValidator(event: WebhookEvent): void {
  validatorFor(schemaOf(event));
}

const schemaOf = (event: WebhookEvent) => `events/${event}`;

function payloadInvalid(problems: SchemaProblem[], event?: string): ConnectError {
  const subject = event === undefined ? 'The webhook payload' : `The ${event} payload`;
  return new ConnectError('PAYLOAD_INVALID', `${subject} is invalid: ${describeProblems(problems)}`, { details: { problems } });
}
