import type { Server } from 'node:http';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** What closeOnSignals needs of the add-on. */
interface Closable {
  close(): Promise<void>;
  readonly options: { readonly logger: { info(fields: Record<string, unknown>, message: string): void } };
}

/**
 * SIGTERM (an orchestrator stopping the process) or SIGINT (Ctrl-C) closes the add-on gracefully, then
 * ends the process by that same signal, so a supervisor sees the usual exit. Until then the process
 * would otherwise die at once, dropping every request in flight. The handlers go with the first signal
 * (a second one ends the process at once, the usual way out of a drain that takes too long) and when
 * the server closes by itself.
 */
export function closeOnSignals(addon: Closable, server: Server): void {
  const stop = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    stop();
    addon.options.logger.info({ signal }, 'shutting down: finishing requests in flight');
    void addon.close().finally(() => {
      // Another listener means someone else decides when the process ends.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  server.once('close', stop);
}
