import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile { nodes: ProfileNode[]; samples: number[]; startTime: number; timeDeltas: number[] }

/** A measured round: the samples taken between `from` and `to` (monotonic µs) belong to `target`. */
export interface ProfileWindow { target: string; from: number; to: number }

/**
 * Each target's `--cpu-prof` profile in `dir` (`<target>.cpuprofile`), summarised over its measured
 * rounds only (no start-up, no warm-up): self time by where the code lives (a dependency, a node
 * internal module, a folder of lib/) and the frames with the most self time, as shares of the busy samples.
 */
export function summariseProfile(dir: string, windows: readonly ProfileWindow[], top = 20): string {
  const targets = [...new Set(windows.map((window) => window.target))];
  return targets.map((target) => summariseTarget(path.join(dir, `${target}.cpuprofile`), windows.filter((window) => window.target === target), top)).join('\n');
}

function summariseTarget(file: string, windows: readonly ProfileWindow[], top: number): string {
  if (!existsSync(file)) return `\nno profile ${file}`;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const tallies = new Map<string, { frames: Map<string, number>; areas: Map<string, number>; busy: number }>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    const target = windows.find((window) => at >= window.from && at <= window.to)?.target;
    const frame = byId.get(id)!;
    if (target === undefined || frame.functionName === '(idle)') return;
    let tally = tallies.get(target);
    if (!tally) tallies.set(target, (tally = { frames: new Map(), areas: new Map(), busy: 0 }));
    tally.busy++;
    const where = frame.url === '' ? '' : `${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    add(tally.frames, `${frame.functionName || '(anonymous)'} ${where}`.trim());
    add(tally.areas, areaOf(frame.url, frame.functionName));
  });
  const lines = [`\nprofile ${file}`];
  for (const [target, tally] of tallies) {
    const table = (counts: Map<string, number>, limit: number) => [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit)
      .map(([name, count]) => `${((100 * count) / tally.busy).toFixed(1).padStart(6)}%  ${name}`);
    lines.push(`\n${target}: ${tally.busy} busy samples; self time by area:`, ...table(tally.areas, 12), `top ${top} frames by self time:`, ...table(tally.frames, top));
  }
  return lines.join('\n');
}

function add(counts: Map<string, number>, name: string): void {
  counts.set(name, (counts.get(name) ?? 0) + 1);
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const ours = url.search(/\/(?:lib|test)\//);
  return ours >= 0 && !url.startsWith('node:') ? url.slice(ours + 1) : url;
}

/** `(garbage collector)`, `node:internal/crypto`, `ajv`, `lib/http/`, … */
function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  const ours = /^((?:lib|test)\/(?:[^/]+\/)?)/.exec(shortUrl(url));
  return ours ? ours[1]! : url;
}
