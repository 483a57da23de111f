import type { Redis } from 'ioredis';
import { parseArgs } from 'node:util';
import type { Store } from '../../core/store';
import { isConnectError } from '../../errors';
import { silentLogger } from '../../logger';
import { FileStore } from '../../stores/file';
import { RedisStore } from '../../stores/redis';
import { migrateAceRedis } from '../migrate/migration';
import { createProgress } from '../migrate/progress';
import { printReport } from '../migrate/report';

const USAGE = `Usage: hipchat-connect migrate ace-redis --from <redis URL> --to <redis URL | file> [options]

Copies the installations an ACE-HipChat add-on kept with atlassian-connect-express-redis
(<prefix><clientKey>:clientInfo) into a hipchat-connect store: a RedisStore when --to is a redis:// or
rediss:// URL, the file store at that path otherwise. Each record is checked as an install is; a damaged
one is listed and left out, and one the target holds with another secret is never replaced. Running it
again changes nothing.

Options:
  --from <url>        the Redis ACE used (redis://[:password@]host:port[/db])
  --prefix <text>     what comes before <clientKey>:clientInfo there (default: none, ACE's own)
  --to <url | file>   where hipchat-connect keeps installations
  --to-prefix <text>  the RedisStore's prefix (default hipchat:, the RedisStore's own)
  --dry-run           print what would be written, and write nothing
  -h, --help          show this help

Exit codes: 0 every record migrated or already there, 1 some left out or the run failed, 2 a usage mistake.`;

interface Invocation {
  from: string;
  prefix: string;
  to: string;
  toPrefix: string;
  dryRun: boolean;
}

/** `hipchat-connect migrate ace-redis`. */
export async function run(args: string[]): Promise<number> {
  let invocation: Invocation | 'help';
  try {
    invocation = parse(args);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (invocation === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const opened: Array<() => Promise<unknown>> = [];
  try {
    const source = await connect(invocation.from, opened);
    const target = await openTarget(invocation, opened);
    const results = await migrateAceRedis({
      source, prefix: invocation.prefix, target, dryRun: invocation.dryRun, now: () => new Date(),
      progress: (total) => createProgress(process.stderr, total, 'migrate ace-redis'),
    });
    return printReport(process.stdout, results, { dryRun: invocation.dryRun, from: redacted(invocation.from), to: describeTarget(invocation) });
  } catch (error) {
    const reason = isConnectError(error) ? `${error.code}: ${error.message}` : (error as Error).message;
    process.stderr.write(`✗ migrate ace-redis: ${reason}\nRecords before the failure are written; running the command again is safe and does the rest.\n`);
    return 1;
  } finally {
    for (const close of opened.reverse()) await close().catch(() => undefined);
  }
}

function parse(args: string[]): Invocation | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      from: { type: 'string' }, prefix: { type: 'string', default: '' }, to: { type: 'string' },
      'to-prefix': { type: 'string', default: 'hipchat:' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const [source, ...extra] = positionals;
  if (source !== 'ace-redis') throw new Error(source === undefined ? 'Missing what to migrate from: ace-redis.' : `Unknown source ${source}; only ace-redis is known.`);
  if (extra.length > 0) throw new Error(`Unexpected argument ${extra[0]}.`);
  if (!values.from) throw new Error('Missing --from <redis URL>.');
  if (!isRedisUrl(values.from)) throw new Error('--from must be a redis:// or rediss:// URL.');
  if (!values.to) throw new Error('Missing --to <redis URL | file>.');
  return { from: values.from, prefix: values.prefix, to: values.to, toPrefix: values['to-prefix'], dryRun: values['dry-run'] };
}

function isRedisUrl(text: string): boolean {
  return /^rediss?:\/\//i.test(text);
}

/** One connection that fails at once rather than retrying for ever: a command, not a server. */
async function connect(url: string, opened: Array<() => Promise<unknown>>): Promise<Redis> {
  let Client: typeof import('ioredis').default;
  try {
    Client = (await import('ioredis')).default;
  } catch {
    throw new Error('migrate ace-redis needs ioredis, an optional peer dependency: npm install ioredis');
  }
  const redis = new Client(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 5000 });
  // Failures reach the caller through the commands' promises; the event would only print them twice.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (cause) {
    throw new Error(`cannot reach Redis at ${redacted(url)}: ${(cause as Error).message}`);
  }
  opened.push(() => redis.quit());
  return redis;
}

async function openTarget(invocation: Invocation, opened: Array<() => Promise<unknown>>): Promise<Store> {
  if (!isRedisUrl(invocation.to)) {
    const store = new FileStore({ path: invocation.to });
    opened.push(() => store.close());
    return store;
  }
  const store = new RedisStore(await connect(invocation.to, opened), { prefix: invocation.toPrefix, logger: silentLogger });
  opened.push(() => store.close());
  return store;
}

function describeTarget(invocation: Invocation): string {
  return isRedisUrl(invocation.to) ? `${redacted(invocation.to)} (prefix "${invocation.toPrefix}")` : new FileStore({ path: invocation.to }).path;
}

/** A URL fit to print: its password replaced. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}
