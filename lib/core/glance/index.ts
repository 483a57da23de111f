/** Glances (protocol section 8): the data a glance shows, its schema-generated types, and the query. */
export type * from './types';
export { queryGlance, glanceDataProblems, type GlanceContext, type GlanceHandler } from './query';
