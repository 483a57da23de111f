import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.join(__dirname, '../../..');
const bench = path.join(root, 'dist/test/bench/webhook.bench.js');

/**
 * `npm run bench` as its shortest run: every target started in a process of its own, loaded with a
 * token per request, and every ratio printed on a line of its own. The figures themselves are not
 * checked: a timed assertion on this machine would test the machine.
 */
describe('npm run bench', () => {
  it('loads every target and prints the ratios and the goals', async () => {
    if (!existsSync(bench)) throw new Error('dist/ is missing: run `npm run build` before this test');
    const { stdout } = await promisify(execFile)(process.execPath, [bench, '--seconds', '1', '--rounds', '1', '--connections', '4', '--no-pin'], { timeout: 60_000 });
    expect(stdout).toContain('each target in a process of its own');
    for (const target of ['floor', 'floor-swapped', 'express-routing', 'express-floor', 'express', 'webhook', 'mounted']) {
      expect(stdout).toMatch(new RegExp(`^${target} +\\d+ +[\\d.]+ +[\\d.]+ +[\\d.]+`, 'm'));
    }
    for (const ratio of ['webhook/floor', 'mounted/express-routing', 'mounted/express', 'webhook/express', 'floor-swapped/floor', 'express-floor/express-routing', 'mounted/express-floor']) {
      expect(stdout).toMatch(new RegExp(`^${ratio} ratio: \\d+\\.\\d\\d$`, 'm'));
    }
    expect(stdout).toMatch(/^ {2}mounted\/express-routing +≥ 0\.80 +(met|NOT met); (met|NOT met)$/m);
  }, 90_000);
});
