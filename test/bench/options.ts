import { parseArgs } from 'node:util';
import { TARGETS, type Target } from './servers';

export interface BenchOptions {
  seconds: number;
  rounds: number;
  connections: number;
  /** The targets to load, in the order of each round. */
  targets: readonly Target[];
  /** Pin the servers and the load generator to different cores with taskset. */
  pin: boolean;
  /** A folder for the servers' `--cpu-prof` profile, summarised at the end. */
  profile: string | undefined;
}

const USAGE = `npm run bench [-- options]
  --long            5 rounds of 10 s per target (default: 3 rounds of 3 s)
  --seconds N       seconds per target per round
  --rounds N        rounds
  --connections N   concurrent connections (default 50)
  --only a,b        load only these targets (${TARGETS.join(', ')})
  --no-pin          do not pin the servers and the load generator to different cores
  --profile DIR     run the servers under node --cpu-prof, write the profile to DIR and print its top frames
Environment: BENCH_SECONDS and BENCH_ROUNDS as --seconds and --rounds.`;

export function benchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      long: { type: 'boolean' }, seconds: { type: 'string' }, rounds: { type: 'string' }, connections: { type: 'string' },
      only: { type: 'string' }, 'no-pin': { type: 'boolean' }, profile: { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = values.only?.split(',').map((name) => name.trim());
  const unknown = only?.find((name) => !(TARGETS as readonly string[]).includes(name));
  if (unknown !== undefined) throw new Error(`--only: no target "${unknown}"; the targets are ${TARGETS.join(', ')}`);
  return {
    seconds: count('--seconds', values.seconds ?? process.env.BENCH_SECONDS, values.long ? 10 : 3),
    rounds: count('--rounds', values.rounds ?? process.env.BENCH_ROUNDS, values.long ? 5 : 3),
    connections: count('--connections', values.connections, 50),
    targets: only ? TARGETS.filter((name) => only.includes(name)) : TARGETS,
    pin: !values['no-pin'],
    profile: values.profile,
  };
}

function count(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${text}"`);
  return value;
}
