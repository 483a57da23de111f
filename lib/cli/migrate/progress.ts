import { SingleBar } from 'cli-progress';

/** How far a run has come, told to a person watching it. */
export interface Progress {
  tick(): void;
  stop(): void;
}

/** Lines, not a redrawn bar, when nobody watches a terminal: a line for every tenth, and the last. */
const LINES = 10;

/**
 * A bar on stderr, so that stdout keeps only what the command reports. On a terminal, cli-progress
 * (widely used and maintained, and it handles terminal width, redraw rate and clean-up, which a
 * hand-written bar would get wrong at the edges). Elsewhere (CI logs, pipes, `2> file`) a redrawn bar is
 * a stream of carriage returns that no log viewer shows well, so a plain line at each tenth instead.
 */
export function createProgress(stream: NodeJS.WriteStream, total: number, label: string): Progress {
  if (stream.isTTY === true) {
    const bar = new SingleBar({ stream, format: `${label} [{bar}] {value}/{total}`, hideCursor: true, clearOnComplete: false }, undefined);
    bar.start(total, 0);
    return { tick: () => bar.increment(), stop: () => bar.stop() };
  }
  let done = 0;
  let told = 0;
  return {
    tick: () => {
      done += 1;
      const step = Math.floor((done * LINES) / Math.max(total, 1));
      if (step > told || done === total) {
        told = step;
        stream.write(`${label} ${done}/${total}\n`);
      }
    },
    stop: () => undefined,
  };
}
