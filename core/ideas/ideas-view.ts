import { ChangeFeed } from '../store/change-feed';
import { SimilarTextIndex } from '../search/text-index';
import type { Idea, IdeaStatus, IdeaTheme } from './idea';
import type { IdeaRow, IdeasRepository } from './ideas.repository';

const SEARCHED = ['title', 'text', 'where'] as const;
/** How many lists a call keeps between changes (areas × themes × statuses × sorts). */
const LISTS_KEPT = 64;
/**
 * Changes a kept list catches up with one by one (a move each: cheap); a list further behind is
 * sorted again, and the log of changes is dropped when it grows longer than this.
 */
const CHANGES_KEPT = 200;

export type IdeaSort = 'votes' | 'newest' | 'discussed';

export interface IdeaQuery {
  q?: string;
  area?: string;
  theme?: IdeaTheme;
  status?: IdeaStatus;
  sort?: IdeaSort;
  /** Admins see hidden ideas too. */
  withHidden: boolean;
}

const ORDER: Record<IdeaSort, (a: Idea, b: Idea) => number> = {
  votes: (a, b) =>
    b.votes - a.votes || b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id),
  newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id),
  discussed: (a, b) =>
    b.comments + b.openAmendments - (a.comments + a.openAmendments) ||
    b.createdAt.getTime() - a.createdAt.getTime() ||
    a.id.localeCompare(b.id),
};

/** A list kept between changes: its order, which ideas it keeps, and the changes it has seen. */
interface KeptList {
  order: (a: Idea, b: Idea) => number;
  keep: (idea: Idea) => boolean;
  ideas: Idea[];
  seen: number;
}

/**
 * One call's ideas in this instance's memory, with their full-text index: what lists, search and
 * similar ideas read. Kept current by this instance's own writes at once and by the call's
 * {@link ChangeFeed} for other instances' writes.
 */
export class CallIdeas {
  readonly ideas = new Map<string, Idea>();
  readonly index = new SimilarTextIndex({ fields: SEARCHED, boost: { title: 3, where: 1.5 } });
  private readonly feed: ChangeFeed<IdeaRow>;
  /** Lists without search words, by their filters and order. */
  private readonly kept = new Map<string, KeptList>();
  /** Each change since the log began (the idea before, if known, and after); `logStart` counts the dropped. */
  private log: [Idea | undefined, Idea][] = [];
  private logStart = 0;

  constructor(callId: string, repository: IdeasRepository, now: () => number) {
    this.feed = new ChangeFeed({
      read: (since) => repository.ideasOf(callId, since),
      apply: (row) => this.apply(row.idea),
      now,
    });
  }

  /** The view, after its first load (later changes are read behind the requests). */
  async fresh(): Promise<this> {
    await this.feed.fresh();
    return this;
  }

  /** An idea as written (by this instance) or read. */
  apply(idea: Idea): void {
    const known = this.ideas.get(idea.id);
    if (known && sameIdea(known, idea)) return;
    this.ideas.set(idea.id, idea);
    if (
      !known ||
      known.title !== idea.title ||
      known.problem !== idea.problem ||
      known.proposal !== idea.proposal ||
      known.procedure !== idea.procedure ||
      known.office !== idea.office
    ) {
      this.index.upsert(idea.id, {
        title: idea.title,
        text: `${idea.problem}\n${idea.proposal}\n${idea.benefits}`,
        where: `${idea.procedure}\n${idea.office}`,
      });
    }
    this.log.push([known, idea]);
    if (this.log.length > CHANGES_KEPT) {
      this.logStart += this.log.length;
      this.log = [];
    }
  }

  /**
   * The ideas a list shows, in order: merged ideas left out (they show on their target). Without
   * search words the list is kept and brought up to date by moving the ideas that changed (a vote
   * moves one idea: no sort of the whole call), so a page of it costs the page only.
   */
  list(query: IdeaQuery): Idea[] {
    const keep = (idea: Idea) =>
      idea.mergedInto === null &&
      (query.withHidden || idea.hidden === null) &&
      (query.area === undefined || idea.area === query.area) &&
      (query.theme === undefined || idea.theme === query.theme) &&
      (query.status === undefined || idea.status === query.status);
    if (query.q?.trim()) {
      const hits = this.index.search(query.q, (id) => {
        const idea = this.ideas.get(id);
        return idea !== undefined && keep(idea);
      });
      const found = hits.map((hit) => this.ideas.get(hit.id)!);
      return query.sort ? found.sort(ORDER[query.sort]) : found;
    }
    const sort = query.sort ?? 'votes';
    const key = JSON.stringify([sort, query.withHidden, query.area, query.theme, query.status]);
    const now = this.logStart + this.log.length;
    let list = this.kept.get(key);
    if (!list || list.seen < this.logStart) {
      if (!list && this.kept.size >= LISTS_KEPT) this.kept.clear();
      const order = ORDER[sort];
      list = { order, keep, ideas: [...this.ideas.values()].filter(keep).sort(order), seen: now };
      this.kept.set(key, list);
    } else if (list.seen < now) {
      list.ideas = caughtUp(list, this.log.slice(list.seen - this.logStart));
      list.seen = now;
    }
    return list.ideas;
  }
}

/** A kept list after `changes`: each changed idea taken out and put back in its place. */
function caughtUp(list: KeptList, changes: readonly [Idea | undefined, Idea][]): Idea[] {
  // A new array: a request still holding the old one sees it unchanged.
  const ideas = list.ideas.slice();
  for (const [before, after] of changes) {
    const at = before ? ideas.indexOf(before) : -1;
    if (at >= 0) ideas.splice(at, 1);
    if (!list.keep(after)) continue;
    let low = 0;
    let high = ideas.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list.order(ideas[middle]!, after) <= 0) low = middle + 1;
      else high = middle;
    }
    ideas.splice(low, 0, after);
  }
  return ideas;
}

function sameIdea(a: Idea, b: Idea): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every call's {@link CallIdeas} on this instance, loaded on first use. */
export class IdeasViews {
  private readonly calls = new Map<string, CallIdeas>();

  constructor(
    private readonly repository: IdeasRepository,
    private readonly now: () => number = Date.now,
  ) {}

  async of(callId: string): Promise<CallIdeas> {
    let view = this.calls.get(callId);
    if (!view) {
      view = new CallIdeas(callId, this.repository, this.now);
      this.calls.set(callId, view);
    }
    return view.fresh();
  }

  /** This instance's own write, seen at once. */
  apply(idea: Idea): void {
    this.calls.get(idea.callId)?.apply(idea);
  }
}
