import { ChangeFeed } from '../store/change-feed';
import { TextIndex } from '../search/text-index';
import type { Idea, IdeaStatus, IdeaTheme } from './idea';
import type { IdeaRow, IdeasRepository } from './ideas.repository';

const SEARCHED = ['title', 'text', 'where'] as const;
/** How many filtered lists a call keeps between changes (areas × themes × statuses × sorts). */
const FILTERED_KEPT = 64;

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
  votes: (a, b) => b.votes - a.votes || b.createdAt.getTime() - a.createdAt.getTime(),
  newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id),
  discussed: (a, b) =>
    b.comments + b.openAmendments - (a.comments + a.openAmendments) ||
    b.createdAt.getTime() - a.createdAt.getTime(),
};

/**
 * One call's ideas in this instance's memory, with their full-text index: what lists, search and
 * similar ideas read. Kept current by this instance's own writes at once and by the call's
 * {@link ChangeFeed} for other instances' writes.
 */
export class CallIdeas {
  readonly ideas = new Map<string, Idea>();
  readonly index = new TextIndex({ fields: SEARCHED, boost: { title: 3, where: 1.5 } });
  private readonly feed: ChangeFeed<IdeaRow>;
  private sorted = new Map<IdeaSort, Idea[]>();
  /** Lists without search words, by their filters, until the next change. */
  private filtered = new Map<string, Idea[]>();

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
    this.sorted.clear();
    this.filtered.clear();
  }

  /**
   * The ideas a list shows, in order: merged ideas left out (they show on their target). Without
   * search words the list is kept until the next change: a page of it costs the page only.
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
    const key = JSON.stringify([
      query.sort ?? 'votes',
      query.withHidden,
      query.area,
      query.theme,
      query.status,
    ]);
    let found = this.filtered.get(key);
    if (!found) {
      if (this.filtered.size >= FILTERED_KEPT) this.filtered.clear();
      found = this.ordered(query.sort ?? 'votes').filter(keep);
      this.filtered.set(key, found);
    }
    return found;
  }

  /** Every idea in an order, sorted once per change (lists read far more than ideas change). */
  private ordered(sort: IdeaSort): Idea[] {
    let ideas = this.sorted.get(sort);
    if (!ideas) {
      ideas = [...this.ideas.values()].sort(ORDER[sort]);
      this.sorted.set(sort, ideas);
    }
    return ideas;
  }
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
