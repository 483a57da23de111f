import { invalidOption } from '../errors';
import { createConsoleLogger, type Logger, type LogLevel } from '../logger';
import type { Scope } from './descriptor';
import type { Fetch } from './host/bounded-fetch';
import { HIPCHAT_CLOUD, LOOPBACK_HOSTS } from './install/host-allowlist';
import type { Store } from './store';
import { PATTERN_CHECK_MODES, type PatternCheckMode } from './webhook/pattern-checks';

/** The scopes an add-on may ask for, in the schema's order; `Scope` is generated from the descriptor schema. */
export const SCOPES = ['send_notification', 'send_message', 'view_room', 'admin_room', 'view_group', 'admin_group', 'manage_rooms', 'view_messages', 'import_data'] as const satisfies readonly Scope[];

export interface AddonOptions {
  key: string;
  name: string;
  description: string;
  vendor?: { name: string; url: string };
  homepage?: string;
  /** Scopes asked for at install (default `['send_notification']`). */
  scopes?: Scope[];
  /** The name notifications are sent under, and the avatar shown beside them. */
  fromName?: string;
  avatar?: string | { url: string; 'url@2x'?: string };
  installable?: { allowGlobal?: boolean; allowRoom?: boolean; redirectFlows?: boolean };
  /**
   * The public URL the add-on is reached at. Default: `HIPCHAT_CONNECT_BASE_URL`, else derived from each
   * request (honouring Express's `trust proxy` and `X-Forwarded-*`, for ngrok and reverse proxies).
   */
  baseUrl?: string;
  /** Where installations live; default: a FileStore at `.hipchat-connect/store.json`. */
  store?: Store;
  /**
   * Keys (32 random bytes, base64) that encrypt OAuth secrets and stored values at rest: the first
   * encrypts, all decrypt. Default: `HIPCHAT_CONNECT_SECRET_KEY` (comma-separated), else none.
   */
  secretKeys?: string[];
  /**
   * Origins installs are accepted from (default HipChat Cloud; plus loopback in development). They are also
   * the only origins that may frame the add-on's pages and read its glances from a browser.
   */
  allowedHosts?: string[];
  /** Development mode: loopback hosts allowed. Default: NODE_ENV is `development` or `test`. */
  development?: boolean;
  /** An `atlassian-connect.json` template with `{{localBaseUrl}}`, instead of modules declared in code. */
  descriptorTemplate?: string;
  /**
   * `pageTokenTtlSeconds` (default 900) is the life of one page token; `pageSessionSeconds` (default 8 hours)
   * how long a page may keep refreshing it before it needs a new token from the host.
   */
  jwt?: { clockToleranceSeconds?: number; maxAgeSeconds?: number; pageTokenTtlSeconds?: number; pageSessionSeconds?: number };
  /**
   * `bodyBytes` (default 100 KiB) and `bodyTimeoutMs` (default 10000, counted from the headers) bound a
   * request body; `hostTimeoutMs` and `capabilitiesBytes` the add-on's own calls to the host;
   * `shutdownTimeoutMs` (default 10000) how long `close()` lets requests in flight finish.
   */
  limits?: { bodyBytes?: number; bodyTimeoutMs?: number; hostTimeoutMs?: number; capabilitiesBytes?: number; shutdownTimeoutMs?: number };
  /**
   * The in-process installation cache: `max` entries, each kept `ttlMs` (default 5 minutes) while the
   * store's change feed announces changes from other processes, and at most `feedDownTtlMs` (default
   * 5000) while the feed is down, so that an uninstall elsewhere takes effect within seconds even then.
   */
  cache?: { max?: number; ttlMs?: number; feedDownTtlMs?: number };
  /**
   * Webhook patterns are checked for ReDoS (super-linear backtracking) with recheck when declared:
   * `warn` (default) logs a vulnerable one with an attack string, `strict` also fails start-up
   * (`addon.ready()`, `addon.listen()`), `off` skips the check. Default `off` when NODE_ENV is `test`:
   * a check costs a second or more of CPU per pattern, in every test process.
   */
  patternCheck?: PatternCheckMode;
  /**
   * Where the add-on logs: any pino-compatible logger (a pino logger as it is). Default: JSON lines on
   * stderr (`LOG_FORMAT=pretty`, or a terminal, for readable ones) at `logLevel`.
   */
  logger?: Logger;
  /** The default logger's level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`. Default: `LOG_LEVEL`, else `info`. */
  logLevel?: LogLevel;
  /** Injected for tests and instrumentation; default: the global fetch and clock. */
  fetch?: Fetch;
  now?: () => number;
}

export interface ResolvedOptions {
  key: string;
  name: string;
  description: string;
  vendor: { name: string; url: string } | undefined;
  homepage: string | undefined;
  scopes: readonly Scope[];
  fromName: string | undefined;
  avatar: AddonOptions['avatar'];
  allowGlobal: boolean;
  allowRoom: boolean;
  redirectFlows: boolean;
  baseUrl: string | undefined;
  allowedHosts: readonly string[];
  descriptorTemplate: string | undefined;
  clockToleranceSeconds: number;
  maxAgeSeconds: number;
  pageTokenTtlSeconds: number;
  pageSessionSeconds: number;
  bodyBytes: number;
  bodyTimeoutMs: number;
  hostTimeoutMs: number;
  capabilitiesBytes: number;
  shutdownTimeoutMs: number;
  cacheMax: number;
  cacheTtlMs: number;
  cacheFeedDownTtlMs: number;
  patternCheck: PatternCheckMode;
  logger: Logger;
  fetch: Fetch;
  now: () => number;
}

/** Validates every option up front, so a mistake fails at start-up with the option's name. */
export function resolveOptions(options: AddonOptions): Readonly<ResolvedOptions> {
  if (typeof options !== 'object' || options === null) throw invalidOption('(options)', 'an object');
  const scopes = options.scopes ?? ['send_notification'];
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((scope) => (SCOPES as readonly string[]).includes(scope))) {
    throw invalidOption('scopes', `a non-empty array of ${SCOPES.join(', ')}`);
  }
  if (options.logger !== undefined && options.logLevel !== undefined) {
    throw invalidOption('logLevel', 'left out when options.logger is given (set the level on your own logger)');
  }
  const development = options.development ?? ['development', 'test'].includes(process.env.NODE_ENV ?? '');
  return Object.freeze({
    key: text(options.key, 'key', /^[a-zA-Z0-9_\-.]{1,80}$/, 'up to 80 letters, digits, "_", "-" or "."'),
    name: text(options.name, 'name'),
    description: text(options.description, 'description'),
    vendor: options.vendor,
    homepage: options.homepage === undefined ? undefined : url(options.homepage, 'homepage'),
    scopes: Object.freeze([...new Set(scopes)]),
    fromName: options.fromName,
    avatar: options.avatar,
    allowGlobal: flag(options.installable?.allowGlobal, 'installable.allowGlobal', true),
    allowRoom: flag(options.installable?.allowRoom, 'installable.allowRoom', true),
    redirectFlows: flag(options.installable?.redirectFlows, 'installable.redirectFlows', false),
    baseUrl: baseUrlOf(options.baseUrl ?? process.env.HIPCHAT_CONNECT_BASE_URL),
    allowedHosts: Object.freeze(options.allowedHosts ?? (development ? [HIPCHAT_CLOUD, ...LOOPBACK_HOSTS] : [HIPCHAT_CLOUD])),
    descriptorTemplate: options.descriptorTemplate,
    clockToleranceSeconds: count(options.jwt?.clockToleranceSeconds, 'jwt.clockToleranceSeconds', 60),
    maxAgeSeconds: count(options.jwt?.maxAgeSeconds, 'jwt.maxAgeSeconds', 3600),
    pageTokenTtlSeconds: count(options.jwt?.pageTokenTtlSeconds, 'jwt.pageTokenTtlSeconds', 900),
    pageSessionSeconds: count(options.jwt?.pageSessionSeconds, 'jwt.pageSessionSeconds', 8 * 3600),
    bodyBytes: count(options.limits?.bodyBytes, 'limits.bodyBytes', 100 * 1024),
    bodyTimeoutMs: count(options.limits?.bodyTimeoutMs, 'limits.bodyTimeoutMs', 10_000),
    hostTimeoutMs: count(options.limits?.hostTimeoutMs, 'limits.hostTimeoutMs', 10_000),
    capabilitiesBytes: count(options.limits?.capabilitiesBytes, 'limits.capabilitiesBytes', 256 * 1024),
    shutdownTimeoutMs: count(options.limits?.shutdownTimeoutMs, 'limits.shutdownTimeoutMs', 10_000),
    cacheMax: count(options.cache?.max, 'cache.max', 10_000),
    cacheTtlMs: count(options.cache?.ttlMs, 'cache.ttlMs', 5 * 60_000),
    cacheFeedDownTtlMs: count(options.cache?.feedDownTtlMs, 'cache.feedDownTtlMs', 5000),
    patternCheck: oneOf(options.patternCheck, 'patternCheck', PATTERN_CHECK_MODES, process.env.NODE_ENV === 'test' ? 'off' : 'warn'),
    logger: options.logger ?? createConsoleLogger({ level: options.logLevel }),
    fetch: options.fetch ?? fetch,
    now: options.now ?? Date.now,
  });
}

function text(value: unknown, option: string, pattern?: RegExp, rule = 'a non-empty string'): string {
  if (typeof value !== 'string' || value.trim() === '' || (pattern && !pattern.test(value))) throw invalidOption(option, rule);
  return value;
}

function url(value: unknown, option: string): string {
  if (typeof value !== 'string' || !/^https?:\/\//.test(value) || !URL.canParse(value)) throw invalidOption(option, 'an absolute http(s) URL');
  return value;
}

function baseUrlOf(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return url(value, 'baseUrl').replace(/\/+$/, '');
}

function flag(value: unknown, option: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidOption(option, 'true or false');
  return value;
}

function oneOf<T extends string>(value: unknown, option: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw invalidOption(option, `one of ${allowed.map((entry) => `'${entry}'`).join(', ')}`);
  return value as T;
}

function count(value: unknown, option: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw invalidOption(option, 'a positive whole number');
  return value;
}
