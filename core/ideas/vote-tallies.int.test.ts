import { anIdea } from '../../test/ideas';
import { freshStore } from '../../test/store';
import { Leases } from '../store/leases';
import type { TableStore } from '../store/table-store';
import { newIdeaId } from './idea';
import { IdeasRepository } from './ideas.repository';
import { TALLY_GRACE_MS, VoteTallies } from './vote-tallies';

jest.setTimeout(120_000);

const CALL = 'c0c0c0c0';

const idea = (id: string) => anIdea({ id, callId: CALL });

describe('vote counts over Azurite', () => {
  let store: TableStore;
  let drop: () => Promise<void>;
  let repo: IdeasRepository;
  let clock: number;
  /** An instance's tallies (each with its own owner, as separate processes would have). */
  const instance = (owner: string) =>
    new VoteTallies({
      repository: repo,
      leases: new Leases(store),
      owner,
      now: () => new Date(clock),
      written: () => undefined,
    });
  const votes = async (id: string) => (await repo.getIdea(id))!.value.idea.votes;
  const vote = (tallies: VoteTallies, id: string, voter: string) =>
    tallies.vote(id, voter, async () =>
      (await repo.addVote({ ideaId: id, voter, at: new Date(clock) })) ? 1 : 0,
    );

  beforeEach(async () => {
    ({ store, drop } = await freshStore());
    repo = new IdeasRepository(store);
    clock = Date.parse('2026-03-02T10:00:00Z');
  });
  afterEach(() => drop());

  it('counts simultaneous votes from two instances exactly, and leaves no mark', async () => {
    const id = newIdeaId(CALL);
    await repo.ideas.insert({ idea: idea(id), stamp: '' });
    const [a, b] = [instance('a'), instance('b')];
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => vote(i % 2 ? a : b, id, `p${i % 150}`)),
    );
    expect(await votes(id)).toBe(150);
    // Each answer is the count after a write that included that vote.
    expect(Math.max(...answers.map((i) => i.votes))).toBe(150);
    expect(await repo.tallyMarks()).toEqual([]);
  });

  it('brings a count back to its rows after a crash between the vote row and the count', async () => {
    const id = newIdeaId(CALL);
    await repo.ideas.insert({ idea: idea(id), stamp: '' });
    const crashed = instance('crashed');
    await vote(crashed, id, 'p1');
    // What a vote leaves when its instance dies after writing its row: the mark and the row.
    await repo.markTally(id, new Date(clock));
    await repo.addVote({ ideaId: id, voter: 'p2', at: new Date(clock) });
    expect(await votes(id)).toBe(1);

    const survivor = instance('survivor');
    clock += TALLY_GRACE_MS / 2;
    // A young mark may be a vote on its way: left alone.
    expect(await survivor.reconcile()).toBe(0);
    expect(await votes(id)).toBe(1);

    clock += TALLY_GRACE_MS;
    expect(await survivor.reconcile()).toBe(1);
    expect(await votes(id)).toBe(2);
    expect(await repo.tallyMarks()).toEqual([]);
  });

  it('checks again a count a recount of another instance raced', async () => {
    const id = newIdeaId(CALL);
    await repo.ideas.insert({ idea: idea(id), stamp: '' });
    const [a, b] = [instance('a'), instance('b')];
    await vote(a, id, 'p1');
    // Instance b recounts (a merge, say) between a's vote row and a's count write.
    await a.vote(id, 'p2', async () => {
      await repo.addVote({ ideaId: id, voter: 'p2', at: new Date(clock) });
      await b.recount(id);
      return 1;
    });
    expect(await votes(id)).toBe(3);
    expect((await repo.tallyMarks()).map((m) => m.value.ideaId)).toEqual([id]);
    clock += 2 * TALLY_GRACE_MS;
    expect(await b.reconcile()).toBe(1);
    expect(await votes(id)).toBe(2);
    expect(await repo.tallyMarks()).toEqual([]);
  });
});
