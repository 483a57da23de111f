import { Drain } from '../../../lib/http/drain';

describe('Drain: counted work and a bounded shutdown', () => {
  it('refuses new work once closing with SHUTTING_DOWN, and lets held work finish first', async () => {
    const drain = new Drain();
    let finish!: () => void;
    const running = drain.run(() => new Promise<void>((resolve) => (finish = resolve)));
    let closed = false;
    const shutdown = drain.shutdown(5000).then(() => (closed = true));
    await expect(drain.run(async () => 'late')).rejects.toMatchObject({ code: 'SHUTTING_DOWN' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    finish();
    await running;
    await shutdown;
    expect(closed).toBe(true);
  });

  it('counts work that failed as settled', async () => {
    const drain = new Drain();
    await expect(drain.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await drain.shutdown(50);
  });

  it('releases its hold when the work throws before it returns a promise', async () => {
    const drain = new Drain();
    expect(() => drain.run(() => { throw new Error('at once'); })).toThrow('at once');
    const idle = await Promise.race([drain.shutdown(5000).then(() => 'idle'), new Promise((resolve) => setTimeout(() => resolve('still held'), 1000))]);
    expect(idle).toBe('idle');
  });

  it('releases a hold once however often its release is called', async () => {
    const drain = new Drain();
    const release = drain.hold();
    const other = drain.hold();
    release();
    release();
    let closed = false;
    const shutdown = drain.shutdown(5000).then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    other();
    await shutdown;
  });

  it('gives up waiting after the bound (and the rollback grace) when work never settles', async () => {
    jest.useFakeTimers();
    try {
      const drain = new Drain();
      drain.hold();
      let closed = false;
      const shutdown = drain.shutdown(100).then(() => (closed = true));
      await jest.advanceTimersByTimeAsync(100);
      expect(closed).toBe(false);
      await jest.advanceTimersByTimeAsync(5000);
      await shutdown;
      expect(closed).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
