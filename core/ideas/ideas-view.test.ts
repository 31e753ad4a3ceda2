import { anIdea } from '../../test/ideas';
import type { Idea } from './idea';
import type { IdeaRow, IdeasRepository } from './ideas.repository';
import { REFRESH_MS } from '../store/change-feed';
import { seededRandom } from '../util/random';
import { IdeasViews, type IdeaQuery } from './ideas-view';

const CALL = 'd0d0d0d0';

const idea = (title: string, votes: number) => anIdea({ callId: CALL, title, votes });

/** A store whose reads of changed rows the test answers by hand. */
function store() {
  const reads: ((rows: IdeaRow[]) => void)[] = [];
  const repository = {
    ideasOf: () => new Promise<IdeaRow[]>((resolve) => reads.push(resolve)),
  } as unknown as IdeasRepository;
  return { repository, reads };
}

const row = (i: Idea): IdeaRow => ({ idea: i, stamp: new Date().toISOString() });

describe("a call's ideas in memory", () => {
  it('waits for the store on the first read only; later reads run behind the requests', async () => {
    const { repository, reads } = store();
    let clock = 1_000_000;
    const views = new IdeasViews(repository, () => clock);
    const first = views.of(CALL);
    reads[0]!([row(idea('Prenotazioni', 3))]);
    expect((await first).ideas.size).toBe(1);

    clock += REFRESH_MS;
    // The store does not answer yet: the request is answered from memory all the same.
    const view = await views.of(CALL);
    expect(view.ideas.size).toBe(1);
    expect(reads).toHaveLength(2);
    reads[1]!([row(idea('Certificati', 5))]);
    await new Promise((resolve) => setImmediate(resolve));
    expect((await views.of(CALL)).list({ withHidden: false }).map((i) => i.title)).toEqual([
      'Certificati',
      'Prenotazioni',
    ]);
  });

  it('keeps a filtered list until the next change', async () => {
    const { repository, reads } = store();
    const views = new IdeasViews(repository, () => 1_000_000);
    const loading = views.of(CALL);
    const ideas = [idea('Prenotazioni', 3), idea('Certificati', 5)];
    reads[0]!(ideas.map(row));
    const view = await loading;
    const list = view.list({ withHidden: false, sort: 'votes' });
    expect(view.list({ withHidden: false, sort: 'votes' })).toBe(list);
    views.apply({ ...ideas[0]!, votes: 9 });
    expect(view.list({ withHidden: false, sort: 'votes' }).map((i) => i.votes)).toEqual([9, 5]);
    // A request still holding the list it got sees it as it was.
    expect(list.map((i) => i.votes)).toEqual([5, 3]);
  });

  it('keeps every kept list equal to a fresh sort through any sequence of changes', async () => {
    const { repository, reads } = store();
    const views = new IdeasViews(repository, () => 1_000_000);
    const loading = views.of(CALL);
    const next = seededRandom(3);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    let ideas = Array.from({ length: 60 }, (_, i) => ({
      ...idea(`Idea ${i}`, Math.floor(next() * 5)),
      area: pick(['Area 1', 'Area 2']),
    }));
    reads[0]!(ideas.map(row));
    const view = await loading;
    const queries: IdeaQuery[] = [
      { withHidden: false },
      { withHidden: true, sort: 'newest' },
      { withHidden: false, sort: 'discussed', area: 'Area 2' },
      { withHidden: false, status: 'underReview' },
    ];
    for (let step = 0; step < 600; step++) {
      const at = Math.floor(next() * ideas.length);
      const before = ideas[at]!;
      const after: Idea = {
        ...before,
        votes: Math.max(0, before.votes + pick([-1, 1, 1, 2])),
        comments: before.comments + pick([0, 0, 1]),
        status: pick(['submitted', 'submitted', 'underReview']),
        hidden: next() < 0.05 ? { reason: 'r', at: new Date() } : null,
        mergedInto: next() < 0.03 ? 'elsewhere' : null,
      };
      ideas = ideas.map((i, n) => (n === at ? after : i));
      views.apply(after);
      if (step % 7 === 0 || step > 590) {
        const fresh = new IdeasViews(
          { ideasOf: async () => ideas.map(row) } as unknown as IdeasRepository,
          () => 1_000_000,
        );
        const expected = await fresh.of(CALL);
        for (const query of queries) {
          expect(view.list(query).map((i) => i.id)).toEqual(expected.list(query).map((i) => i.id));
        }
      }
    }
  });
});
