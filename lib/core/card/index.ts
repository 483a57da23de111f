/**
 * Cards of room notifications (docs/protocol.md#cards): types from their schema, validation, the text
 * fallback.
 */
export type * from './types';
export { assertValidCard, cardProblems } from './validate';
export { cardFallbackText, MAX_MESSAGE_LENGTH } from './fallback';
