import { Deadlines } from '../../../lib/http/deadlines';

describe('Deadlines: one timer for many waits', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('cuts a wait once its limit has passed, within a tenth of the limit, and only once', () => {
    const deadlines = new Deadlines(1000);
    const expired = jest.fn();
    deadlines.start(expired);
    jest.advanceTimersByTime(999);
    expect(expired).not.toHaveBeenCalled();
    jest.advanceTimersByTime(100);
    expect(expired).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(5000);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('leaves a wait that was stopped in time, and keeps no timer once nothing waits', () => {
    const deadlines = new Deadlines(200);
    const stopped = jest.fn();
    const running = jest.fn();
    const stop = deadlines.start(stopped);
    deadlines.start(running);
    expect(jest.getTimerCount()).toBe(1);
    stop();
    jest.advanceTimersByTime(250);
    expect(stopped).not.toHaveBeenCalled();
    expect(running).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('dates each wait from its own start', () => {
    const deadlines = new Deadlines(100);
    const first = jest.fn();
    const second = jest.fn();
    deadlines.start(first);
    jest.advanceTimersByTime(60);
    deadlines.start(second);
    jest.advanceTimersByTime(60);
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60);
    expect(second).toHaveBeenCalledTimes(1);
  });
});
