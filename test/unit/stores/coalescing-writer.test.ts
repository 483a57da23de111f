import { CoalescingWriter } from '../../../lib/stores/coalescing-writer';

/** A write that the test finishes by hand, recording what it saw when it started. */
function controlledWrites(read: () => number) {
  const started: { saw: number; finish(error?: Error): void }[] = [];
  const write = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ saw: read(), finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { started, write };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingWriter', () => {
  it('runs one write at a time and folds requests made during a write into the next one', async () => {
    let data = 1;
    const { started, write } = controlledWrites(() => data);
    const writer = new CoalescingWriter(write);

    const first = writer.request();
    await tick();
    data = 2;
    const second = writer.request();
    data = 3;
    const third = writer.request();
    expect(third).toBe(second);
    await tick();
    expect(started).toHaveLength(1); // the second write waits for the first

    started[0]?.finish();
    await first;
    await tick();
    expect(started.map((write) => write.saw)).toEqual([1, 3]);
    started[1]?.finish();
    await expect(third).resolves.toBeUndefined();
  });

  it('fails only the requests of a failed write, and the next write still runs', async () => {
    const { started, write } = controlledWrites(() => 0);
    const writer = new CoalescingWriter(write);

    const failing = writer.request();
    await tick();
    const next = writer.request();
    started[0]?.finish(new Error('disk full'));
    await expect(failing).rejects.toThrow('disk full');
    await tick();
    started[1]?.finish();
    await expect(next).resolves.toBeUndefined();
  });
});
