import { ConnectError } from '../../errors';
import { describeProblems, problemsWith, type SchemaProblem } from '../schemas';
import type { Card } from './types';

/** Every problem with a card against `schemas/card.schema.json`; empty when it is valid. */
export function cardProblems(value: unknown): SchemaProblem[] {
  return problemsWith('card', value);
}

/**
 * Throws CARD_INVALID naming each JSON path and rule, before anything is sent: the host would refuse
 * the whole notification, or worse, show it without the card.
 */
export function assertValidCard(value: unknown): asserts value is Card {
  const problems = cardProblems(value);
  if (problems.length > 0) {
    throw new ConnectError('CARD_INVALID', `Invalid card: ${describeProblems(problems)}`, { details: { problems } });
  }
}
