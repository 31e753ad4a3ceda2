import { startAppOverHttp, type AppOverHttp } from '../../test/app-over-http';
import { type ConnectorSim } from '../../bench/connector-sim/connector-sim';
import type { Person } from '../../core/directory/person';
import { createServices, type Services } from '../../server/app';
import { freshStore, TEST_CONFIG } from '../../test/store';
import { type TestTokenIssuer } from '../../test/test-tokens';
import { DEFAULT_ABUSE_LIMITS } from '../../core/util/abuse-limits';
import type {
  CreatedId,
  IdeaCommentList,
  IdeaDetail,
  IdeaList,
  IdeaPipeline,
  IdeaVote,
  SimilarIdeas,
} from './contract';

jest.setTimeout(120_000);

let n = 0;
function person(name: string, extra: Partial<Person> = {}): Person {
  n++;
  return {
    objectId: `1dea0000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    upn: `${name.toLowerCase()}@comune-demo.example`,
    displayName: name,
    orgUnitPath: ['Area Servizi Civici', 'Settore Anagrafe'],
    manager: false,
    roles: [],
    locale: 'it-IT',
    ...extra,
  };
}
const anna = person('Anna');
const bruno = person('Bruno', { locale: 'en-US' });
const carla = person('Carla');
const dario = person('Dario');
const admin = person('Gaia', { roles: ['admin'], orgUnitPath: ['Agenda Digitale'] });
const PEOPLE = [anna, bruno, carla, dario, admin];
const voter = (i: number) => ({
  objectId: `0fa00000-0000-4000-8000-${String(i).padStart(12, '0')}`,
});

const PROPOSAL = {
  title: 'Certificati anagrafici online',
  procedure: 'Rilascio certificati anagrafici',
  office: 'Settore Anagrafe',
  problem: 'Le persone fanno la coda allo sportello per un certificato che potrebbero scaricare.',
  proposal: 'Un servizio online con SPID che rilascia i certificati anagrafici con bollo digitale.',
  benefits: 'Cittadinanza: niente code. Colleghe e colleghi: meno sportello, più tempo per i casi.',
};

describe('Call4Ideas over HTTP (Azurite + connector simulator)', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let sim: ConnectorSim;
  let app: AppOverHttp;
  let base: string;
  let issuer: TestTokenIssuer;

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, {
      ...TEST_CONFIG,
      delivery: { ratePerSecond: 100, maxAttempts: 3 },
      abuseLimits: { ...DEFAULT_ABUSE_LIMITS, ideaPostsPerHour: 1_000 },
    });
    app = await startAppOverHttp(services, PEOPLE);
    ({ sim, base, issuer } = app);
  });

  afterAll(async () => {
    await app.stop();
    await drop();
  });

  const call = async (
    path: string,
    as: { objectId?: string | undefined },
    init: { method?: string; json?: unknown; lang?: string } = {},
  ) => {
    const token = await issuer.mint({ claims: { oid: as.objectId! } });
    return fetch(`${base}${path}`, {
      method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
      headers: {
        'accept-language': init.lang ?? 'it-IT',
        authorization: `Bearer ${token}`,
        ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    });
  };
  const json = async <T>(response: Response, status = 200): Promise<T> => {
    expect(response.status).toBe(status);
    return (await response.json()) as T;
  };
  const detail = async (id: string, as: { objectId?: string } = anna) =>
    json<IdeaDetail>(await call(`/api/v1/ideas/${id}`, as));
  const propose = async (as: Person, body: object = PROPOSAL) =>
    (await json<CreatedId>(await call('/api/v1/ideas', as, { json: body }), 201)).id;
  const vote = (id: string, as: { objectId?: string }, on = true) =>
    call(`/api/v1/ideas/${id}/vote`, as, { method: on ? 'PUT' : 'DELETE' });
  const deliveredTo = (from: number) =>
    [...sim.deliveries()]
      .filter((d) => d.at >= from)
      .map((d) => d.conversationId.slice(2))
      .sort();
  const waitFor = async (check: () => boolean) => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(check()).toBe(true);
  };

  it('lets only admins run calls, and takes ideas into the open call only', async () => {
    const body = {
      title: 'Call4Ideas 2026',
      question: 'Quali procedimenti hanno più bisogno di trasformazione digitale?',
      opensAt: new Date(Date.now() - 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    };
    expect((await call('/api/v1/ideas', anna, { json: PROPOSAL })).status).toBe(409);
    expect((await call('/api/v1/idea-calls', anna, { json: body })).status).toBe(403);
    await json<CreatedId>(await call('/api/v1/idea-calls', admin, { json: body }), 201);
    const overlap = await call('/api/v1/idea-calls', admin, { json: body });
    expect(overlap.status).toBe(409);
    const list = await json<{ current: string | null }>(await call('/api/v1/idea-calls', anna));
    expect(list.current).not.toBeNull();
  });

  it('accepts the contract proposal and refuses bad input with a localised problem', async () => {
    const id = await propose(anna);
    const idea = await detail(id, bruno);
    expect(idea).toMatchObject({
      votes: 0,
      status: 'submitted',
      mergedInto: null,
      authors: [{ objectId: anna.objectId, displayName: 'Anna', former: false }],
      area: 'Area Servizi Civici',
    });
    const bad = await call('/api/v1/ideas', anna, {
      json: { ...PROPOSAL, title: 'x' },
      lang: 'en-US',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const all = await json<IdeaList>(await call('/api/v1/ideas', anna));
    expect(all.total).toBe(1);
  });

  it('counts concurrent votes exactly, a repeated vote once, and withdrawals', async () => {
    const id = await propose(carla, { ...PROPOSAL, title: 'Prenotazioni sportelli online' });
    const people = Array.from({ length: 300 }, (_, i) => voter(i + 1));
    // Every person votes twice at the same moment (a double click).
    const answers = await Promise.all(people.flatMap((p) => [vote(id, p), vote(id, p)]));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect((await detail(id)).votes).toBe(300);
    await Promise.all(people.slice(0, 50).map((p) => vote(id, p, false)));
    const again = await json<IdeaVote>(await vote(id, people[0]!, false));
    expect(again).toEqual({ votes: 250, voted: false });
    expect((await detail(id, people[60])).voted).toBe(true);
    expect((await detail(id, people[0])).voted).toBe(false);
  });

  it('lets authors accept or reject amendments: one decision wins, the amender is told', async () => {
    const id = await propose(anna, { ...PROPOSAL, title: 'Cambio di residenza digitale' });
    await vote(id, dario);
    const own = await call(`/api/v1/ideas/${id}/amendments`, anna, {
      json: { proposal: 'Una proposta di modifica mia' },
    });
    expect(own.status).toBe(403);
    const from = Date.now();
    const { id: amendment } = await json<CreatedId>(
      await call(`/api/v1/ideas/${id}/amendments`, bruno, {
        json: { proposal: 'Un modulo online con SPID e la verifica automatica in ANPR.' },
      }),
      201,
    );
    // Authors and voters hear of the amendment; the amender does not.
    await waitFor(
      () =>
        deliveredTo(from).join() ===
        [anna, dario]
          .map((p) => p.objectId)
          .sort()
          .join(),
    );
    const path = `/api/v1/ideas/${id}/amendments/${amendment}`;
    expect((await call(`${path}/accept`, carla, { json: {} })).status).toBe(403);
    const before = Date.now();
    const [accepted, rejected] = await Promise.all([
      call(`${path}/accept`, anna, { json: {} }),
      call(`${path}/reject`, anna, { json: { reason: 'Preferisco la versione attuale' } }),
    ]);
    expect([accepted.status, rejected.status].sort()).toEqual([200, 409]);
    const idea = await detail(id);
    const won = idea.amendments[0]!.status;
    if (won === 'accepted') {
      expect(idea.proposal).toBe('Un modulo online con SPID e la verifica automatica in ANPR.');
      expect(idea.authors.map((a) => a.displayName)).toEqual(['Anna', 'Bruno']);
      const entry = idea.history.find((h) => h.kind === 'amendmentAccepted')!;
      expect(entry.before).toBe(PROPOSAL.proposal);
      expect(entry.after).toBe(idea.proposal);
    } else {
      expect(idea.proposal).toBe(PROPOSAL.proposal);
      expect(idea.amendments[0]!.reason).toBe('Preferisco la versione attuale');
    }
    await waitFor(() => deliveredTo(before).includes(bruno.objectId!));
  });

  it('merges duplicates counting each voter once, and unmerges exactly', async () => {
    const a = await propose(anna, { ...PROPOSAL, title: 'Certificati online per tutti' });
    const b = await propose(carla, { ...PROPOSAL, title: 'Certificati anagrafici via web' });
    await Promise.all([vote(a, voter(1)), vote(a, voter(2)), vote(b, voter(2)), vote(b, voter(3))]);
    expect((await call(`/api/v1/ideas/${a}/merge`, anna, { json: { into: b } })).status).toBe(403);
    const merged = await json<IdeaDetail>(
      await call(`/api/v1/ideas/${a}/merge`, admin, { json: { into: b } }),
    );
    expect(merged.mergedInto).toBe(b);
    const target = await detail(b);
    expect(target.votes).toBe(3);
    expect(target.authors.map((x) => x.displayName)).toEqual(['Carla', 'Anna']);
    expect((await vote(a, voter(4))).status).toBe(409);
    const list = await json<IdeaList>(await call('/api/v1/ideas?q=certificati%20online', anna));
    expect(list.ideas.map((i) => i.id)).not.toContain(a);
    const back = await json<IdeaDetail>(
      await call(`/api/v1/ideas/${a}/unmerge`, admin, { json: {} }),
    );
    expect(back.mergedInto).toBeNull();
    expect(back.votes).toBe(2);
    const restored = await detail(b);
    expect(restored.votes).toBe(2);
    expect(restored.authors.map((x) => x.displayName)).toEqual(['Carla']);
  });

  it('moves the status only as the machine allows, tells authors and voters', async () => {
    const id = await propose(anna, { ...PROPOSAL, title: 'Protocollo informatico unico' });
    await vote(id, bruno);
    const path = `/api/v1/ideas/${id}/status`;
    expect((await call(path, anna, { json: { status: 'underReview' } })).status).toBe(403);
    expect((await call(path, admin, { json: { status: 'implemented' } })).status).toBe(409);
    await json<IdeaDetail>(await call(path, admin, { json: { status: 'underReview' } }));
    const noReason = await call(path, admin, { json: { status: 'notFeasible' } });
    expect(noReason.status).toBe(422);
    const from = Date.now();
    const done = await json<IdeaDetail>(
      await call(path, admin, { json: { status: 'accepted', labId: 'lab-anagrafe' } }),
    );
    expect(done).toMatchObject({ status: 'accepted', labId: 'lab-anagrafe' });
    expect(done.history.map((h) => h.kind)).toEqual(['submitted', 'status', 'status']);
    // Both are told (the earlier move's notices may still arrive after `from`); nobody else is.
    const told = [anna, bruno].map((p) => p.objectId).sort();
    await waitFor(() => [...new Set(deliveredTo(from))].join() === told.join());
  });

  it('hides an idea or comment with a reason its author sees, and restores it', async () => {
    const id = await propose(dario, { ...PROPOSAL, title: 'Idea da moderare con cura' });
    const { id: comment } = await json<CreatedId>(
      await call(`/api/v1/ideas/${id}/comments`, carla, { json: { text: 'Commento fuori tema' } }),
      201,
    );
    await json<CreatedId>(
      await call(`/api/v1/ideas/${id}/comments`, anna, {
        json: { text: 'Risposta', parent: comment },
      }),
      201,
    );
    const hideComment = `/api/v1/ideas/${id}/comments/${comment}/hide`;
    expect((await call(hideComment, anna, { json: { reason: 'Fuori tema' } })).status).toBe(403);
    expect((await call(hideComment, admin, { json: { reason: 'Fuori tema' } })).status).toBe(204);
    const seen = (as: Person) =>
      call(`/api/v1/ideas/${id}/comments`, as).then((r) => json<IdeaCommentList>(r));
    expect((await seen(anna)).comments[0]).toMatchObject({
      text: null,
      hidden: true,
      hiddenReason: null,
    });
    expect((await seen(anna)).comments[0]!.replies).toHaveLength(1);
    expect((await seen(carla)).comments[0]).toMatchObject({
      text: 'Commento fuori tema',
      hiddenReason: 'Fuori tema',
    });

    expect(
      (
        await call(`/api/v1/ideas/${id}/hide`, admin, {
          json: { reason: 'Dati personali nel testo' },
        })
      ).status,
    ).toBe(204);
    expect((await call(`/api/v1/ideas/${id}`, anna)).status).toBe(404);
    expect((await detail(id, dario)).hiddenReason).toBe('Dati personali nel testo');
    expect((await call(`/api/v1/ideas/${id}/restore`, admin, { json: {} })).status).toBe(204);
    expect((await detail(id, anna)).hidden).toBe(false);
  });

  it('finds similar ideas and searches stemmed, accent-insensitive', async () => {
    const similar = await json<SimilarIdeas>(
      await call(
        `/api/v1/ideas/similar?text=${encodeURIComponent('certificato anagrafico online')}`,
        anna,
      ),
    );
    expect(similar.ideas.length).toBeGreaterThan(0);
    expect(similar.ideas[0]!.title).toMatch(/Certificati/);
    const found = await json<IdeaList>(await call('/api/v1/ideas?q=residènza', anna));
    expect(found.ideas.map((i) => i.title)).toEqual(['Cambio di residenza digitale']);
  });

  it('keeps admin views for admins: pipeline and CSV', async () => {
    expect((await call('/api/v1/ideas/pipeline', anna)).status).toBe(403);
    expect((await call('/api/v1/ideas.csv', anna)).status).toBe(403);
    const pipeline = await json<IdeaPipeline>(await call('/api/v1/ideas/pipeline', admin));
    expect(pipeline.byStatus.find((s) => s.status === 'accepted')!.count).toBe(1);
    expect(pipeline.topVoted[0]!.votes).toBe(250);
    expect(pipeline.trending[0]!.votesThisWeek).toBeGreaterThanOrEqual(250);
    const csv = await call('/api/v1/ideas.csv', admin);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Prenotazioni sportelli online');
  });

  it('erases a person: votes leave the counts, signed ideas stay as former employee', async () => {
    const id = await propose(dario, { ...PROPOSAL, title: 'Idea di chi lascerà' });
    await vote(id, dario);
    await vote(id, anna);
    await services.ideas.erase(dario.objectId!);
    const idea = await detail(id);
    expect(idea.votes).toBe(1);
    expect(idea.authors).toEqual([{ objectId: null, displayName: 'Ex dipendente', former: true }]);
  });
});
