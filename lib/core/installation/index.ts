/**
 * An installation of the add-on, and where installations are kept: the record, the `Store` interface
 * that stores/ implements (core names it; the add-on brings one), and the bounded cache in front of it.
 */
export { isRoomInstallation, type Installation } from './installation';
export type { Store, SetValueOptions, InstallationCondition, ChangeFeedListener } from './store';
export { InstallationCache, type InstallationCacheOptions, type InstallationCacheStats } from './cache';
