import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { SenderReport, SenderTask } from './sender-process';

const REGISTER_TS = path.join(__dirname, '..', '..', 'support', 'register-ts.js');

/**
 * Runs sender processes side by side: starts them all, waits until every one is connected, tells them
 * all to go at once, and collects their reports.
 */
export async function runSenders(tasks: SenderTask[]): Promise<SenderReport[]> {
  const children = tasks.map((task) =>
    fork(path.join(__dirname, 'sender-process.ts'), [JSON.stringify(task)], { execArgv: ['-r', REGISTER_TS], stdio: 'inherit' }));
  try {
    await Promise.all(children.map((child) => nextMessage(child, 'ready')));
    const reports = children.map((child) => nextMessage<{ report: SenderReport }>(child, 'report'));
    for (const child of children) child.send({ kind: 'go' });
    return (await Promise.all(reports)).map((message) => message.report);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}

function nextMessage<T>(child: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a sender process exited (${code}) before saying ${kind}`));
    child.once('exit', onExit);
    child.on('message', function onMessage(message: { kind?: string }) {
      if (message?.kind !== kind) return;
      child.off('message', onMessage).off('exit', onExit);
      resolve(message as T);
    });
  });
}
