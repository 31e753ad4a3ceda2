import { setImmediate as nextTurn } from 'node:timers/promises';

/** How stale an in-memory view may be on an instance that did not make the change itself. */
export const REFRESH_MS = 1_000;
/**
 * Rows are re-read from this long before the previous read began: a row the store stamped just
 * before that read but committed after it would otherwise be missed. It covers the store's commit
 * time plus the skew between this instance's clock and the store's.
 */
export const OVERLAP_MS = 5_000;
/** Rows applied between two turns of the event loop: a large first load does not stall the process. */
const ROWS_PER_TURN = 250;

/** A row as the store returns it, with its change stamp (the row's Timestamp, ISO). */
export interface StampedRow {
  stamp: string;
}

export interface ChangeFeedOptions<Row extends StampedRow> {
  /** The rows changed at or after `since` (the store's Timestamp); every row without. */
  read: (since: Date | undefined) => Promise<Row[]>;
  /** Applies one row read to the view (a row seen before comes again: apply must be idempotent). */
  apply: (row: Row) => void;
  now: () => number;
}

/**
 * What keeps an in-memory view of a partition current: the first request loads every row; after
 * it, at most once a {@link REFRESH_MS}, one query re-reads only the rows whose store Timestamp is
 * newer than the previous read's start (less the overlap), running behind the requests, which are
 * answered from memory meanwhile. So a quiet partition costs one query returning nothing a second,
 * whatever happened before, and a request never waits for the store after the first load. Rows are
 * applied {@link ROWS_PER_TURN} at a time between turns of the event loop, so loading thousands
 * of them after a restart does not hold up the process's other work (chat turns, other routes).
 */
export class ChangeFeed<Row extends StampedRow> {
  /** The later of the newest stamp read and the previous read's start (this clock), in ms. */
  private seenUntil = Number.NEGATIVE_INFINITY;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private loaded = false;
  private reading: Promise<void> | undefined;

  constructor(private readonly options: ChangeFeedOptions<Row>) {}

  /** Waits for the first load only; later calls start a refresh when one is due and return. */
  async fresh(): Promise<void> {
    if (this.options.now() - this.checkedAt >= REFRESH_MS && !this.reading) {
      const reading = this.read().finally(() => (this.reading = undefined));
      this.reading = reading;
      // A failed refresh is tried again by the next request.
      if (this.loaded) reading.catch(() => undefined);
    }
    if (!this.loaded && this.reading) await this.reading;
  }

  private async read(): Promise<void> {
    const started = this.options.now();
    const since = this.loaded ? new Date(this.seenUntil - OVERLAP_MS) : undefined;
    let newest = this.seenUntil;
    const rows = await this.options.read(since);
    for (let i = 0; i < rows.length; i++) {
      if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
      const row = rows[i]!;
      newest = Math.max(newest, Date.parse(row.stamp) || newest);
      this.options.apply(row);
    }
    this.seenUntil = Math.max(newest, started);
    this.checkedAt = started;
    this.loaded = true;
  }
}
