import type { Installation } from '../core/installation';
import type { ChangeFeedListener, InstallationCondition, SetValueOptions, Store } from '../core/store';
import { ConnectError, invalidOption } from '../errors';
import { createConsoleLogger, type Logger } from '../logger';
import { parseInstallationJson } from './installation-record';
import { guarded, type RedisConnection } from './redis-guard';
import { changeChannel, conditionArguments, installationKeys, SCRIPTS, type ScriptCommands } from './redis-layout';
import { reportOutages } from './redis-outage';
import { assertTtl } from './store-state';

export interface RedisStoreOptions {
  /**
   * Starts every key and the change channel, so several add-ons can share one Redis. Default `hipchat:`.
   * Keep braces out of it: in Cluster the first `{…}` of a key picks its slot, and that must be the oauthId.
   */
  prefix?: string;
  /** Longest a call may take, connection wait included, before it fails with STORE_UNAVAILABLE. Default 2000. */
  operationTimeoutMs?: number;
  logger?: Logger;
}

/**
 * What the store uses of an ioredis `Redis` or `Cluster` client, written out rather than imported so that
 * the package's declarations compile for users who never installed ioredis (it is an optional peer).
 * test/unit/stores/redis-client-type.test.ts checks that both ioredis clients still fit.
 */
export interface RedisClient extends RedisConnection {
  readonly isCluster: boolean;
  get(key: string): Promise<string | null>;
  defineCommand(name: string, definition: { lua: string; numberOfKeys?: number }): void;
  /** A standalone client takes ioredis's options here (`{ autoResubscribe }`); a Cluster is duplicated without. */
  duplicate(override?: object): RedisClient;
  subscribe(channel: string): Promise<unknown>;
  disconnect(): void;
}

/**
 * The store for add-ons that run as several processes: standalone Redis, Sentinel or Cluster, through
 * the ioredis client the caller made (and keeps: `close()` leaves it open). Installation records are
 * JSON; values are plain strings with Redis doing the expiry. See redis-layout.ts for the key layout and
 * redis-guard.ts for how an outage turns into a fast STORE_UNAVAILABLE.
 */
export class RedisStore implements Store {
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly channel: string;
  private readonly scripts: ScriptCommands;
  private readonly subscribers = new Set<RedisClient>();
  private readonly stopReporting: () => void;

  constructor(private readonly redis: RedisClient, options: RedisStoreOptions = {}) {
    if (typeof redis?.defineCommand !== 'function') throw invalidOption('redis', 'an ioredis Redis or Cluster client');
    this.prefix = options.prefix ?? 'hipchat:';
    if (typeof this.prefix !== 'string') throw invalidOption('prefix', 'a string');
    this.timeoutMs = options.operationTimeoutMs ?? 2000;
    if (!(Number.isFinite(this.timeoutMs) && this.timeoutMs > 0)) {
      throw invalidOption('operationTimeoutMs', 'a positive number of milliseconds');
    }
    this.logger = options.logger ?? createConsoleLogger();
    this.channel = changeChannel(this.prefix);
    // Defining an existing name again replaces it with the same script, so several stores may share a client.
    for (const [name, script] of Object.entries(SCRIPTS)) redis.defineCommand(name, script);
    this.scripts = redis as unknown as ScriptCommands;
    this.stopReporting = reportOutages(redis, this.logger, 'Redis');
  }

  async fetchInstallation(oauthId: string): Promise<Installation | undefined> {
    const key = installationKeys(this.prefix, oauthId).installation;
    const json = await this.run('fetchInstallation', () => this.redis.get(key));
    if (json === null) return undefined;
    const installation = parseInstallationJson(json);
    if (installation?.oauthId === oauthId) return installation;
    // Reported, not treated as absent: "absent" would let anyone install afresh over the damaged record.
    this.logger.error({ oauthId, key }, 'Damaged installation record in Redis');
    throw new ConnectError('STORE_UNAVAILABLE', `The installation record at ${key} is damaged`, { details: { key } });
  }

  async storeInstallation(installation: Installation, condition?: InstallationCondition): Promise<boolean> {
    const { oauthId } = installation;
    const key = installationKeys(this.prefix, oauthId).installation;
    const json = JSON.stringify(installation);
    const written = await this.run('storeInstallation', () =>
      this.scripts.hipchatConnectStoreInstallation(key, json, this.channel, oauthId, ...conditionArguments(condition)));
    return written === 1;
  }

  async deleteInstallation(oauthId: string, condition?: InstallationCondition): Promise<void> {
    const keys = installationKeys(this.prefix, oauthId);
    await this.run('deleteInstallation', () => this.scripts.hipchatConnectDeleteInstallation(
      keys.installation, keys.index, keys.valueBase, this.channel, oauthId, ...conditionArguments(condition)));
  }

  async getValue(oauthId: string, key: string): Promise<string | undefined> {
    const valueKey = installationKeys(this.prefix, oauthId).valueBase + key;
    return (await this.run('getValue', () => this.redis.get(valueKey))) ?? undefined;
  }

  async setValue(oauthId: string, key: string, value: string, options: SetValueOptions = {}): Promise<boolean> {
    assertTtl(options.ttlMs);
    const keys = installationKeys(this.prefix, oauthId);
    // PX takes whole milliseconds; rounding up never expires a value early.
    const ttl = options.ttlMs === undefined ? '' : String(Math.ceil(options.ttlMs));
    const written = await this.run('setValue', () =>
      this.scripts.hipchatConnectSetValue(keys.valueBase + key, keys.index, key, value, ttl, options.ifAbsent ? '1' : ''));
    return written === 1;
  }

  async deleteValue(oauthId: string, key: string, ifValue?: string): Promise<void> {
    const keys = installationKeys(this.prefix, oauthId);
    const expected = ifValue === undefined ? [] : [ifValue];
    await this.run('deleteValue', () =>
      this.scripts.hipchatConnectDeleteValue(keys.valueBase + key, keys.index, key, ...expected));
  }

  /**
   * Listens on a connection of its own (a subscribed connection can run no other command). Notices of
   * this process's own changes arrive too, which costs a cache one extra miss. Notices published while
   * the connection is down are lost: `feed` hears when it goes down and when it is subscribed again.
   */
  async onInstallationChange(listener: (oauthId: string) => void, feed?: ChangeFeedListener): Promise<() => Promise<void>> {
    // Our own resubscription, not ioredis's: its autoResubscribe leaves the SUBSCRIBE's promise unhandled,
    // and when the connection then closes for good the rejection ends the process.
    const subscriber = this.redis.isCluster ? this.redis.duplicate() : this.redis.duplicate({ autoResubscribe: false });
    this.subscribers.add(subscriber);
    // Its errors are the same outage the main connection reports once; listening keeps ioredis from printing each.
    subscriber.on('error', () => undefined);
    const onMessage = (channel: string, oauthId: string) => {
      if (channel !== this.channel) return;
      try {
        listener(oauthId);
      } catch (error) {
        this.logger.error({ err: error, oauthId }, 'Installation change listener threw');
      }
    };
    subscriber.on('message', onMessage);
    const onClose = () => feed?.lost();
    subscriber.on('close', onClose);
    const subscribe = () => subscriber.subscribe(this.channel).then(() => feed?.subscribed());
    /** A subscription was missed (Redis slow or away at start-up) and not yet made good. */
    let behind = false;
    const resubscribe = () => void subscribe().then(() => {
      if (!behind) return;
      behind = false;
      this.logger.info({}, 'installation change feed subscribed');
    }, () => undefined);
    try {
      await guarded(subscriber, this.timeoutMs, 'subscribe', subscribe);
    } catch (error) {
      // A slow or absent Redis at start-up must not cost cross-process invalidation until the next
      // restart: go on without the feed (the cache's expiry bounds staleness) and keep asking.
      behind = true;
      feed?.lost();
      this.logger.warn({ err: error }, 'installation change feed not subscribed yet; relying on cache expiry until it is');
      resubscribe();
    }
    // Every reconnection from now on subscribes again (added only now, so the first connection
    // does not subscribe twice); a failed attempt is made good by the next one.
    subscriber.on('ready', resubscribe);
    return async () => {
      // Messages already on the wire may still arrive while the connection closes; the listener is done.
      subscriber.off('message', onMessage).off('close', onClose);
      this.subscribers.delete(subscriber);
      subscriber.disconnect();
    };
  }

  /** Closes the connections this store opened; the client passed to the constructor stays open. */
  async close(): Promise<void> {
    this.stopReporting();
    for (const subscriber of this.subscribers) subscriber.disconnect();
    this.subscribers.clear();
  }

  private run<T>(operation: string, call: () => Promise<T>): Promise<T> {
    return guarded(this.redis, this.timeoutMs, operation, call);
  }
}
