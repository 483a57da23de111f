import { ConnectError } from '../../errors';
import type { Logger } from '../../logger';
import { checkRedos, type RedosVerdict } from './redos-check';

/**
 * What is done about a webhook pattern that can backtrack for super-linear time: `warn` (the default)
 * logs it with an attack string, `strict` also makes start-up (`addon.ready()`, `addon.listen()`)
 * fail, `off` does not check at all.
 */
export type PatternCheckMode = 'warn' | 'strict' | 'off';

export const PATTERN_CHECK_MODES: readonly PatternCheckMode[] = ['warn', 'strict', 'off'];

interface Finding {
  key: string;
  pattern: RegExp;
  verdict: RedosVerdict;
}

/**
 * The ReDoS checks of the patterns an add-on declared. A check starts when the webhook is declared and
 * runs off the main thread, so declaring stays instant; `ready()` is where start-up waits for them.
 * Messages are never matched beyond HipChat's 10,000 characters either way, which bounds the harm a
 * pattern the check missed can do, but a quadratic pattern still costs ~0.1 s a message at that length.
 */
export class PatternChecks {
  private readonly findings: Promise<Finding | undefined>[] = [];

  constructor(private readonly mode: PatternCheckMode, private readonly logger: Logger) {}

  add(key: string, pattern: RegExp): void {
    if (this.mode === 'off') return;
    this.findings.push(checkRedos(pattern).then((verdict) => this.report({ key, pattern, verdict })));
  }

  /** Settles once every declared pattern is checked; in strict mode, rejects naming a vulnerable one. */
  async ready(): Promise<void> {
    const vulnerable = (await Promise.all(this.findings)).find((finding) => finding !== undefined);
    if (this.mode !== 'strict' || vulnerable === undefined) return;
    const { key, pattern, verdict } = vulnerable;
    throw new ConnectError('OPTION_INVALID', `webhook ${key}: the pattern ${String(pattern)} can take ${verdict.complexity} time ` +
      `on a message such as ${verdict.attack}; rewrite it (see docs/webhooks.md), or set patternCheck to 'warn'`, {
      details: { option: 'webhook pattern', webhook: key, pattern: String(pattern), complexity: verdict.complexity, attack: verdict.attack },
    });
  }

  private report(finding: Finding): Finding | undefined {
    const { key, pattern, verdict } = finding;
    const fields = { webhook: key, pattern: String(pattern) };
    if (verdict.status === 'unknown') {
      this.logger.warn({ ...fields, reason: verdict.reason }, 'webhook pattern could not be checked for ReDoS');
      return undefined;
    }
    if (verdict.status !== 'vulnerable') return undefined;
    this.logger[this.mode === 'strict' ? 'error' : 'warn']({ ...fields, complexity: verdict.complexity, attack: verdict.attack },
      'webhook pattern can backtrack for super-linear time (ReDoS): a crafted message would block the add-on');
    return finding;
  }
}
