import type { MessageKey, Params, Translate } from './i18n/translator';

/**
 * A refusal a person can be told about. It carries its HTTP meaning — the status, a stable `code`
 * the client can act on, the message key that words it in the person's language — so that the tab
 * API, the bot and the CLI report any feature's errors without knowing the feature.
 */
export abstract class DomainError extends Error {
  /** The HTTP status of the problem (4xx; 503 for "busy, try again"). */
  abstract readonly status: number;
  /** A stable, machine-readable reason (problem+json `code`). */
  abstract readonly code: string;
  abstract readonly messageKey: MessageKey;
  /** Parameters of the message; their values are ids or counts, never free text. */
  readonly params: Params = {};
  /** Seconds the client should wait before trying again (sent as `Retry-After`). */
  readonly retryAfterSeconds: number | undefined = undefined;

  override get name(): string {
    return this.constructor.name;
  }

  /** The problem in words, in the translator's language. */
  describe(t: Translate): string {
    return t(this.messageKey, this.params);
  }

  /** More members of the problem (e.g. the refused lines of a file), in the translator's language. */
  problemDetails(_t: Translate): Record<string, unknown> {
    return {};
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
