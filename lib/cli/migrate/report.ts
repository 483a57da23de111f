import type { Outcome, RecordResult } from './migration';

interface ReportContext {
  dryRun: boolean;
  /** Printable: no password. */
  from: string;
  to: string;
}

/**
 * What a person needs after a run, on stdout: in a dry run each record that would be written (never its
 * secret); always each record left out, with why; then the counts. Returns the exit code: 1 when
 * anything was left out, so a script notices.
 */
export function printReport(stream: NodeJS.WritableStream, results: readonly RecordResult[], context: ReportContext): number {
  const lines: string[] = [];
  for (const result of results) {
    if (context.dryRun && (result.outcome === 'created' || result.outcome === 'updated')) lines.push(`would ${result.outcome === 'created' ? 'create' : 'update'} ${describe(result)}`);
    if (result.problems) lines.push(`✗ skipped ${result.key} (${result.outcome}): ${result.problems.join('; ')}`);
  }
  const count = (outcome: Outcome) => results.filter((result) => result.outcome === outcome).length;
  const skipped = count('damaged') + count('conflict');
  const verb = context.dryRun ? 'would be ' : '';
  lines.push(`${skipped > 0 ? '✗' : '✓'} ${results.length} record${results.length === 1 ? '' : 's'} read from ${context.from}, ${context.dryRun ? 'compared with' : 'migrated to'} ${context.to}: ` +
    `${count('created')} ${verb}created, ${count('updated')} ${verb}updated, ${count('unchanged')} unchanged, ${skipped} skipped (${count('damaged')} damaged, ${count('conflict')} conflicting).`);
  if (context.dryRun) lines.push('Dry run: nothing was written.');
  stream.write(`${lines.join('\n')}\n`);
  return skipped > 0 ? 1 : 0;
}

function describe(result: RecordResult): string {
  const installation = result.installation;
  if (!installation) return result.key;
  const where = installation.roomId === undefined ? `group ${installation.groupId}` : `group ${installation.groupId}, room ${installation.roomId}`;
  return `${installation.oauthId} (${where}, ${installation.capabilitiesUrl})`;
}
