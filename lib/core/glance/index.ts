/** Glances (docs/protocol.md#glances): the data a glance shows, its schema-generated types, and the query. */
export type * from './types';
export { queryGlance, glanceDataProblems, type GlanceContext, type GlanceHandler } from './query';
