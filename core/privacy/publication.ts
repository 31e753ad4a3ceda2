import { DomainError } from '../errors';
import { AlreadyExistsError, ConcurrencyError } from '../store/errors';
import type { Stored } from '../store/entity-table';
import type { PublicationState, PublicationsRepository } from './publications.repository';

/** Aggregates as last published, with what the next screen's patterns must keep hidden. */
export interface Published<T> {
  value: T;
  /** Per dimension, the units (`unitKey`) that earlier publications hid. */
  hidden: ReadonlyMap<string, ReadonlySet<string>>;
  /** When the last publication was completed; null for aggregates never published this way. */
  publishedAt: Date | null;
}

/** Readers waited for a publication that did not finish in time. */
export class PublicationBusyError extends DomainError {
  readonly status = 503;
  readonly code = 'publicationBusy';
  readonly messageKey = 'api.error.503';
  override readonly retryAfterSeconds = 5;
}

/** How long a writer holds a publication; a crashed writer's hold lapses after this. */
const HOLD_MS = 60_000;
const READ_RETRY_MS = 50;
const READ_ATTEMPTS = 200;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Screens see aggregates only as published: a publication changes them as a whole (its writer
 * holds the scope, readers wait and retry until they read between two publications), and it
 * stores the hidden units of every pattern it produced so that the next one only adds to them.
 * See docs/adr/0003-aggregates-publication.md.
 */
export class Publications {
  constructor(
    private readonly repo: PublicationsRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs `read` between two looks at the scope's state, again if a publication ran meanwhile. */
  async read<T>(scope: string, read: () => Promise<T>): Promise<Published<T>> {
    for (let attempt = 1; ; attempt++) {
      const before = await this.repo.state(scope);
      if (before && this.isHeld(before.value)) {
        if (attempt >= READ_ATTEMPTS) throw new PublicationBusyError(scope);
        await sleep(READ_RETRY_MS);
        continue;
      }
      const [value, hidden] = await Promise.all([read(), this.repo.hiddenOf(scope)]);
      const after = await this.repo.state(scope);
      if (after?.etag === before?.etag) {
        return {
          value,
          hidden: new Map([...hidden].map(([dimension, units]) => [dimension, new Set(units)])),
          publishedAt: before?.value.publishedAt ?? null,
        };
      }
    }
  }

  /**
   * One publication: `apply` changes the aggregates, then `patterns` (given the units hidden so
   * far) returns every dimension's hidden units for the aggregates as they now are; both run
   * whether or not `apply` completed. False, and nothing run, if another writer holds the scope.
   */
  async publish(
    scope: string,
    apply: () => Promise<void>,
    patterns: (hidden: ReadonlyMap<string, ReadonlySet<string>>) => Promise<Map<string, string[]>>,
  ): Promise<boolean> {
    const held = await this.hold(scope);
    if (!held) return false;
    try {
      await apply();
    } finally {
      // Even after a partial apply the patterns of what is stored are computed and kept, so
      // that the hidden units never shrink; if this fails, the hold lapses and readers go on.
      const hidden = await this.repo.hiddenOf(scope);
      const next = await patterns(
        new Map([...hidden].map(([dimension, units]) => [dimension, new Set(units)])),
      );
      await this.repo.saveHidden(scope, next);
      await this.release(held);
    }
    return true;
  }

  private isHeld(state: PublicationState): boolean {
    return state.busyUntil !== null && state.busyUntil.getTime() > this.now().getTime();
  }

  private async hold(scope: string): Promise<Stored<PublicationState> | undefined> {
    const busyUntil = new Date(this.now().getTime() + HOLD_MS);
    const current = await this.repo.state(scope);
    try {
      if (!current) {
        const value = { scope, version: 1, busyUntil, publishedAt: null };
        return { value, etag: await this.repo.insertState(value) };
      }
      if (this.isHeld(current.value)) return undefined;
      const value = { ...current.value, version: current.value.version + 1, busyUntil };
      return { value, etag: await this.repo.updateState(value, current.etag) };
    } catch (error) {
      if (error instanceof AlreadyExistsError || error instanceof ConcurrencyError)
        return undefined;
      throw error;
    }
  }

  private async release({ value, etag }: Stored<PublicationState>): Promise<void> {
    await this.repo.updateState({ ...value, busyUntil: null, publishedAt: this.now() }, etag);
  }
}
