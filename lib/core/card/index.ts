/** Cards of room notifications (protocol section 10): types from their schema, validation, the text fallback. */
export type * from './types';
export { assertValidCard, cardProblems } from './validate';
export { cardFallbackText, MAX_MESSAGE_LENGTH } from './fallback';
