import { freshStore } from '../../test/store';
import { AuditLog } from '../audit/audit-log';
import { Leases } from '../store/leases';
import type { TableStore } from '../store/table-store';
import type { Idea } from './idea';
import { noticeSender } from './idea-messages';
import { IdeasRepository } from './ideas.repository';
import { IdeasService, type Actor } from './ideas.service';
import { CHANGE_GRACE_MS } from './unfinished-changes';

jest.setTimeout(120_000);

/**
 * The store, with the next idea-row write after the thread's, or the next deletion of a change's
 * mark, failing once (as a crash there would leave it).
 */
class FailingOnce extends IdeasRepository {
  failNextRevision = false;
  failNextClear = false;

  override async reviseIdea(...args: Parameters<IdeasRepository['reviseIdea']>) {
    if (this.failNextRevision) {
      this.failNextRevision = false;
      throw new Error('the store went away');
    }
    return super.reviseIdea(...args);
  }

  override async clearChange(...args: Parameters<IdeasRepository['clearChange']>) {
    if (this.failNextClear) {
      this.failNextClear = false;
      throw new Error('the store went away');
    }
    return super.clearChange(...args);
  }
}

const person = (objectId: string, name: string): Actor => ({
  objectId,
  name,
  department: null,
  admin: false,
});
const anna = person('a0000000-0000-4000-8000-000000000001', 'Anna');
const bruno = person('a0000000-0000-4000-8000-000000000002', 'Bruno');
const gaia = { ...person('a0000000-0000-4000-8000-000000000003', 'Gaia'), admin: true };
const TEXT = {
  title: 'Certificati anagrafici online',
  procedure: 'Rilascio certificati anagrafici',
  office: 'Settore Anagrafe',
  problem: 'Le persone fanno la coda allo sportello.',
  proposal: 'Un servizio online con SPID.',
  benefits: 'Niente code.',
  beneficiaries: ['citizens' as const],
  links: [],
  area: 'Area Servizi Civici',
  theme: 'onlineServices' as const,
};

describe('changes of an idea finished after a failure (Azurite)', () => {
  let store: TableStore;
  let drop: () => Promise<void>;
  let repo: FailingOnce;
  let clock: number;
  /** Every campaign the notices asked for, by id, and how many times each was asked for. */
  let campaigns: Map<string, { kind: string; subject: string; asked: number }>;
  let failNextNotice: boolean;

  const service = (owner: string) =>
    new IdeasService({
      repository: repo,
      audit: new AuditLog(store),
      notify: noticeSender({
        start: async (input) => {
          if (failNextNotice) {
            failNextNotice = false;
            throw new Error('the delivery engine went away');
          }
          const known = campaigns.get(input.id);
          campaigns.set(input.id, { ...input, asked: (known?.asked ?? 0) + 1 });
          return Promise.resolve();
        },
      }),
      leases: new Leases(store),
      owner,
      now: () => new Date(clock),
    });
  const stored = async (id: string): Promise<Idea> => (await repo.getIdea(id))!.value.idea;
  const later = (ms: number) => {
    clock += ms;
  };

  beforeEach(async () => {
    ({ store, drop } = await freshStore());
    repo = new FailingOnce(store);
    clock = Date.parse('2026-03-02T10:00:00Z');
    campaigns = new Map();
    failNextNotice = false;
    await repo.calls.insert({
      id: 'c0c0c0c0',
      title: 'Call4Ideas 2026',
      question: 'Che cosa digitalizzare?',
      opensAt: new Date(clock - 86_400_000),
      closesAt: new Date(clock + 30 * 86_400_000),
    });
  });
  afterEach(() => drop());

  async function amended(ideas: IdeasService) {
    const idea = await ideas.propose(anna, TEXT);
    later(1_000);
    const amendment = await ideas.amend(bruno, idea.id, 'proposal', 'Un servizio online con CIE.');
    later(1_000);
    return { idea, amendment };
  }

  it('finishes an accepted amendment whose idea row failed when the accept is sent again', async () => {
    const ideas = service('a');
    const { idea, amendment } = await amended(ideas);
    repo.failNextRevision = true;
    await expect(ideas.decide(anna, idea.id, amendment.id, true, null)).rejects.toThrow(
      'the store went away',
    );
    // Half done: the amendment is accepted, its text is not in the idea.
    expect((await stored(idea.id)).proposal).toBe(TEXT.proposal);
    expect((await repo.thread(idea.id, 'amendment', amendment.id))!.value.status).toBe('accepted');

    const done = await ideas.decide(anna, idea.id, amendment.id, true, null);
    expect(done.proposal).toBe('Un servizio online con CIE.');
    const after = await stored(idea.id);
    expect(after).toMatchObject({ proposal: done.proposal, openAmendments: 0 });
    expect(after.authors.map((a) => a.name)).toEqual(['Anna', 'Bruno']);
    const decided = [...campaigns.values()].filter((c) => c.kind === 'idea-amendment-decided');
    expect(decided).toEqual([
      expect.objectContaining({ subject: `${idea.id}/${amendment.id}`, asked: 1 }),
    ]);
    // Finished: the same decision again, or the other one, is a conflict.
    for (const accept of [true, false]) {
      await expect(ideas.decide(anna, idea.id, amendment.id, accept, 'no')).rejects.toMatchObject({
        code: 'alreadyDecided',
      });
    }
  });

  it('tells the amender of a decision once when it failed after the notice', async () => {
    const ideas = service('a');
    const { idea, amendment } = await amended(ideas);
    repo.failNextClear = true;
    await expect(ideas.decide(anna, idea.id, amendment.id, false, 'Meglio SPID')).rejects.toThrow(
      'the store went away',
    );
    // A rejection sent again as an accept is refused.
    await expect(ideas.decide(anna, idea.id, amendment.id, true, null)).rejects.toMatchObject({
      code: 'alreadyDecided',
    });
    // The sweep asks for the notice again: the same campaign, which the engine sends once.
    later(CHANGE_GRACE_MS);
    expect(await ideas.changes.sweep()).toBe(1);
    const decided = [...campaigns.values()].filter((c) => c.kind === 'idea-amendment-decided');
    expect(decided).toEqual([expect.objectContaining({ asked: 2 })]);
    expect(await stored(idea.id)).toMatchObject({ proposal: TEXT.proposal, openAmendments: 0 });
    expect(await repo.changeMarks()).toEqual([]);
  });

  it('counts an amendment and a comment whose idea row failed once the sweep finds them', async () => {
    const ideas = service('a');
    const idea = await ideas.propose(anna, TEXT);
    repo.failNextRevision = true;
    await expect(ideas.amend(bruno, idea.id, 'problem', 'Moduli di carta.')).rejects.toThrow();
    repo.failNextRevision = true;
    await expect(
      ideas.comment(bruno, idea.id, 'Utile anche per i cambi di residenza.', null),
    ).rejects.toThrow();
    expect(await stored(idea.id)).toMatchObject({ openAmendments: 0, comments: 0 });
    expect(campaigns.size).toBe(0);

    // Another instance's sweep: nothing before the grace period, everything after it.
    const other = service('b');
    expect(await other.changes.sweep()).toBe(0);
    later(CHANGE_GRACE_MS);
    expect(await other.changes.sweep()).toBe(2);
    expect(await stored(idea.id)).toMatchObject({ openAmendments: 1, comments: 1 });
    expect([...campaigns.values()]).toEqual([
      expect.objectContaining({ kind: 'idea-update', asked: 1 }),
    ]);
    expect(await repo.changeMarks()).toEqual([]);
    later(CHANGE_GRACE_MS);
    expect(await other.changes.sweep()).toBe(0);
  });

  it('finishes a status change and a merge whose follow-ups failed once the sweep finds them', async () => {
    const ideas = service('a');
    const [a, b] = [await ideas.propose(anna, TEXT), await ideas.propose(bruno, TEXT)];
    later(1_000);
    const voters = ['v1', 'v2', 'v3'];
    await Promise.all([
      ideas.vote(person(voters[0]!, 'V1'), a.id, true),
      ideas.vote(person(voters[1]!, 'V2'), a.id, true),
      ideas.vote(person(voters[1]!, 'V2'), b.id, true),
      ideas.vote(person(voters[2]!, 'V3'), b.id, true),
    ]);
    repo.failNextRevision = true;
    await expect(ideas.setStatus(gaia, b.id, { status: 'underReview' })).rejects.toThrow();
    later(1_000);
    repo.failNextRevision = true;
    await expect(ideas.merge(gaia, a.id, b.id)).rejects.toThrow();
    // Both rows changed together.
    expect(await stored(a.id)).toMatchObject({ mergedInto: b.id });
    expect(await stored(b.id)).toMatchObject({ status: 'underReview', mergedFrom: [a.id] });
    const events = async (id: string) =>
      (await repo.amendmentsAndHistory(id)).history.map((h) => h.event);
    expect(await events(b.id)).toEqual(['submitted']);

    later(CHANGE_GRACE_MS);
    expect(await service('b').changes.sweep()).toBe(3);
    expect(await events(b.id)).toEqual(['submitted', 'status', 'mergedFrom']);
    expect(await events(a.id)).toEqual(['submitted', 'merged']);
    expect(await stored(b.id)).toMatchObject({
      votes: 3,
      authors: [bruno, anna].map(({ objectId, name }) => ({ objectId, name })),
    });
    expect((await new AuditLog(store).byActor(gaia.objectId)).map((e) => e.action).sort()).toEqual([
      'ideas.merge',
      'ideas.status',
    ]);
    expect([...campaigns.values()].map((c) => [c.kind, c.asked])).toEqual([
      ['idea-update', 1],
      ['idea-update', 1],
    ]);
    expect((await repo.getIdea(b.id))!.value.unfinished).toEqual([]);
    expect(await repo.changeMarks()).toEqual([]);
  });

  it('finishes a status change, a merge and an unmerge asked again after a failure', async () => {
    const ideas = service('a');
    const [a, b] = [await ideas.propose(anna, TEXT), await ideas.propose(bruno, TEXT)];
    later(1_000);
    await ideas.vote(person('v1', 'V1'), a.id, true);
    const events = async (id: string) =>
      (await repo.amendmentsAndHistory(id)).history.map((h) => h.event);

    repo.failNextRevision = true;
    await expect(ideas.setStatus(gaia, b.id, { status: 'underReview' })).rejects.toThrow();
    expect(await ideas.setStatus(gaia, b.id, { status: 'underReview' })).toMatchObject({
      status: 'underReview',
    });
    later(1_000);
    repo.failNextRevision = true;
    await expect(ideas.merge(gaia, a.id, b.id)).rejects.toThrow();
    expect(await ideas.merge(gaia, a.id, b.id)).toMatchObject({ mergedInto: b.id });
    expect(await events(b.id)).toEqual(['submitted', 'status', 'mergedFrom']);
    expect(await events(a.id)).toEqual(['submitted', 'merged']);
    expect(await stored(b.id)).toMatchObject({ votes: 1 });
    // Finished: asked again, each is refused as before.
    await expect(ideas.setStatus(gaia, b.id, { status: 'underReview' })).rejects.toMatchObject({
      code: 'badTransition',
    });
    await expect(ideas.merge(gaia, a.id, b.id)).rejects.toMatchObject({ code: 'mergeChain' });

    later(1_000);
    repo.failNextRevision = true;
    await expect(ideas.unmerge(gaia, a.id)).rejects.toThrow();
    expect(await ideas.unmerge(gaia, a.id)).toMatchObject({ mergedInto: null, votes: 1 });
    expect(await stored(b.id)).toMatchObject({ votes: 0, mergedFrom: [] });
    await expect(ideas.unmerge(gaia, a.id)).rejects.toMatchObject({ code: 'notMerged' });
    expect((await new AuditLog(store).byActor(gaia.objectId)).map((e) => e.action).sort()).toEqual([
      'ideas.merge',
      'ideas.status',
      'ideas.unmerge',
    ]);
    expect([...campaigns.values()].map((c) => c.asked)).toEqual([1, 1]);
    expect(await repo.changeMarks()).toEqual([]);
  });

  it('finishes unfinished changes before an erasure, so that it finds their entries', async () => {
    const ideas = service('a');
    const idea = await ideas.propose(anna, TEXT);
    later(1_000);
    repo.failNextRevision = true;
    await expect(ideas.setStatus(gaia, idea.id, { status: 'underReview' })).rejects.toThrow();
    await ideas.erase(gaia.objectId);
    const { history } = await repo.amendmentsAndHistory(idea.id);
    expect(history.map((h) => [h.event, h.actor?.name ?? null])).toEqual([
      ['submitted', 'Anna'],
      ['status', null],
    ]);
    expect((await repo.getIdea(idea.id))!.value.unfinished).toEqual([]);
  });

  it('leaves no mark and the counts exact when nothing fails, with comments written at once', async () => {
    const ideas = service('a');
    const { idea } = await amended(ideas);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        ideas.comment(i % 2 ? anna : bruno, idea.id, `Commento ${i}`, null),
      ),
    );
    expect(await stored(idea.id)).toMatchObject({ openAmendments: 1, comments: 12 });
    expect(await repo.changeMarks()).toEqual([]);
  });
});
