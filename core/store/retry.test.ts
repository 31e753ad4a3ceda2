import { ConcurrencyError } from './errors';
import { retryOnConflict } from './retry';

describe('retryOnConflict', () => {
  it('retries a read-modify-write until it commits', async () => {
    let calls = 0;
    const result = await retryOnConflict(
      async () => {
        calls++;
        if (calls < 3) throw new ConcurrencyError('t', 'p', 'r');
        return 'done';
      },
      { baseDelayMs: 0 },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after the configured attempts', async () => {
    let calls = 0;
    const conflict = retryOnConflict(
      async () => {
        calls++;
        throw new ConcurrencyError('t', 'p', 'r');
      },
      { attempts: 4, baseDelayMs: 0 },
    );
    await expect(conflict).rejects.toBeInstanceOf(ConcurrencyError);
    expect(calls).toBe(4);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const failing = retryOnConflict(async () => {
      calls++;
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});
