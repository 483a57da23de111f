/**
 * Where installations are kept: the `Store` interface that stores/ implements (core names it; the add-on
 * brings one), the bounded installation cache in front of it, and the health check of `GET /healthz`.
 */
export type { Store, SetValueOptions, InstallationCondition, ChangeFeedListener } from './store';
export { InstallationCache, type InstallationCacheOptions, type InstallationCacheStats } from './cache';
export { checkHealth, type Health } from './health';
