import { ConcurrencyError } from './errors';

export interface ConcurrencyRetryOptions {
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Runs a read-modify-write until it commits without a {@link ConcurrencyError}.
 * `operation` must re-read the entity each time it is called.
 */
export async function retryOnConflict<T>(
  operation: () => Promise<T>,
  { attempts = 8, baseDelayMs = 5, maxDelayMs = 1_000 }: ConcurrencyRetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= attempts) throw error;
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
