import { Periodic } from './periodic';

describe('Periodic', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a round every period after the last one ended, reports a failure and goes on', async () => {
    const rounds: number[] = [];
    const errors: unknown[] = [];
    let release: () => void = () => {};
    const job = new Periodic(async () => {
      rounds.push(Date.now());
      if (rounds.length === 2) throw new Error('store down');
      if (rounds.length === 3) await new Promise<void>((resolve) => (release = resolve));
    });
    job.start(1_000, (error) => errors.push(error));

    await jest.advanceTimersByTimeAsync(2_000);
    expect(rounds).toHaveLength(2);
    expect(errors).toEqual([new Error('store down')]);

    await jest.advanceTimersByTimeAsync(1_000);
    await jest.advanceTimersByTimeAsync(5_000);
    // The third round is still running: no other one starts beside it.
    expect(rounds).toHaveLength(3);

    const stopped = job.stop();
    let done = false;
    void stopped.then(() => (done = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    release();
    await stopped;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(rounds).toHaveLength(3);
  });
});
