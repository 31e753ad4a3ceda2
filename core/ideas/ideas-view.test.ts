import { newIdeaId, type Idea } from './idea';
import type { IdeaRow, IdeasRepository } from './ideas.repository';
import { REFRESH_MS } from '../store/change-feed';
import { IdeasViews } from './ideas-view';

const CALL = 'd0d0d0d0';

function idea(title: string, votes: number): Idea {
  return {
    id: newIdeaId(CALL),
    callId: CALL,
    title,
    procedure: 'Anagrafe',
    office: 'Servizi demografici',
    problem: 'Code agli sportelli',
    proposal: 'Un calendario online',
    benefits: 'Meno attese',
    beneficiaries: [],
    links: [],
    area: 'Area 1',
    theme: 'other',
    status: 'submitted',
    statusReason: null,
    labId: null,
    authors: [{ objectId: 'a', name: 'Anna' }],
    mergedAuthors: {},
    mergedInto: null,
    mergedFrom: [],
    votes,
    comments: 0,
    openAmendments: 0,
    hidden: null,
    createdAt: new Date('2026-03-01T09:00:00Z'),
  };
}

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
  });
});
