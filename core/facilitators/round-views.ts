import type { DirectoryHeadcounts, UnitHeadcounts } from '../directory/headcounts';
import { LruCache } from '../util/lru-cache';
import { RoundError } from './round-errors';
import { roundView, type RoundView } from './round-view';
import type { RoundsRepository } from './rounds.repository';

/** How long a cached view may be served unchecked by a new version: a crash between a change and its version. */
const VIEW_MAX_AGE_MS = 60_000;
/** How often the directory's import stamp is checked for new headcounts (as the directory does). */
const HEADCOUNTS_CHECK_MS = 1_000;
const ROUND_ID = /^r\d{13}[0-9a-f]{6}$/;

/** Whether `id` can be a round's id (others are unknown without a read). */
export function isRoundId(id: string): boolean {
  return ROUND_ID.test(id);
}

/**
 * Rounds' shortlists and coverage maps, built once per version of the round and import of the
 * directory on this instance: otherwise a view costs one point read (the round's version, shared
 * by the requests that arrive while it is in flight), whatever the shortlist's size. An import
 * reaches the employees counted within about a second.
 */
export class RoundViews {
  private readonly views = new LruCache<
    string,
    { version: string; counts: UnitHeadcounts; view: RoundView }
  >(20, VIEW_MAX_AGE_MS);
  private readonly versionReads = new Map<string, Promise<string | undefined>>();
  private counts: { checkedAt: number; counts: Promise<UnitHeadcounts> } | undefined;
  private readonly now: () => Date;

  constructor(
    private readonly deps: {
      rounds: Pick<RoundsRepository, 'version' | 'round' | 'shortlist'>;
      headcounts: Pick<DirectoryHeadcounts, 'current'>;
      now?: () => Date;
    },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async view(id: string): Promise<RoundView> {
    if (!isRoundId(id)) throw new RoundError({ code: 'unknownRound' });
    const [version, counts] = await Promise.all([this.version(id), this.headcounts()]);
    if (version === undefined) throw new RoundError({ code: 'unknownRound' });
    const cached = this.views.get(id);
    if (cached?.version === version && cached.counts === counts) return cached.view;
    const round = await this.deps.rounds.round(id);
    if (!round) throw new RoundError({ code: 'unknownRound' });
    // A round still preparing has no shortlist to show yet, only its progress.
    const entries = round.preparing ? [] : await this.deps.rounds.shortlist(id);
    const view = roundView(round, entries, (department) => counts.subtree([department]));
    this.views.set(id, { version, counts, view });
    return view;
  }

  /** After this instance's own change: the next view reads the new version. */
  changed(id: string): void {
    this.versionReads.delete(id);
    this.views.delete(id);
  }

  private version(id: string): Promise<string | undefined> {
    let read = this.versionReads.get(id);
    if (!read) {
      const started = this.deps.rounds.version(id).finally(() => {
        if (this.versionReads.get(id) === started) this.versionReads.delete(id);
      });
      this.versionReads.set(id, started);
      read = started;
    }
    return read;
  }

  private headcounts(): Promise<UnitHeadcounts> {
    const now = this.now().getTime();
    if (!this.counts || now - this.counts.checkedAt >= HEADCOUNTS_CHECK_MS) {
      const counts = this.deps.headcounts.current();
      const entry = { checkedAt: now, counts };
      this.counts = entry;
      counts.catch(() => {
        if (this.counts === entry) this.counts = undefined;
      });
    }
    return this.counts.counts;
  }
}
