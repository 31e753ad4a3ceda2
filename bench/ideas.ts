import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import { createAdapter } from '../bot/adapter';
import type { Idea } from '../core/ideas/idea';
import { newIdeaId } from '../core/ideas/idea';
import type { Vote } from '../core/ideas/ideas.repository';
import { TableStore } from '../core/store/table-store';
import { seededRandom } from '../core/util/random';
import { DEFAULT_ABUSE_LIMITS } from '../core/util/abuse-limits';
import { createBot, createServices, type Services } from '../server/app';
import { startAzurite } from '../server/azurite';
import { createHttpServer } from '../server/http';
import { ALL_TABLES, TAB_ROUTES } from '../server/registry';
import { identityOf } from '../tab/api/auth/identity';
import { heapHeldBy } from './api-bench';
import { silentLogger } from '../test/bot-harness';

export const IDEAS_PAGE_BAR_MS = 50;
export const IDEAS_GROWTH_BAR = 1.5;
export const SIMILAR_BAR_MS = 100;
export const CONCURRENT_VOTES_BAR = 3;
const VOTES_PER_IDEA = 20;
const REQUESTS = 300;
const WARM_UP = 30;
const CONCURRENCY = 10;
const VOTERS = 500;
const CALL_ID = 'b0b0b0b0';

export interface IdeasSize {
  ideas: number;
  votes: number;
  seedSeconds: number;
  listP95: number;
  pageP95: number;
  similarP95: number;
  /** Heap held by the call's read model and index (MB), after a collection when exposed. */
  viewMb: number | null;
}

export interface IdeasRun {
  sizes: IdeasSize[];
  votesCounted: number;
  concurrentVotesMs: number;
  sequentialNoOpMs: number;
}

const WORDS = (
  'certificati anagrafe residenza pratiche edilizie sportello prenotazione appuntamenti ' +
  'pagamenti pagoPA protocollo firma digitale modulistica online SPID tributi mensa scolastica ' +
  'iscrizioni servizi sociali contributi bandi documenti archivio conservazione fascicolo ' +
  'notifiche app segnalazioni manutenzione strade verde pubblico biblioteca prestiti cultura ' +
  'eventi permessi parcheggio mobilità trasporti rifiuti raccolta tassa ferie presenze turni ' +
  'formazione competenze intranet riunioni videoconferenza dati aperti cruscotto statistiche ' +
  'anagrafica imprese commercio licenze suolo pubblico matrimoni elettorale cimiteri'
).split(' ');

function phrase(next: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(' ');
}

function sample() {
  const next = seededRandom(1);
  return {
    title: phrase(next, 5),
    procedure: phrase(next, 3),
    office: 'Settore 1',
    problem: phrase(next, 40),
    proposal: phrase(next, 40),
    benefits: phrase(next, 15),
    beneficiaries: [],
    links: [],
    area: 'Area 1',
    theme: 'other' as const,
  };
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Ideas with votes spread unevenly (a few ideas take many), written straight to the store. */
async function seed(services: Services, ideas: number): Promise<{ ids: string[]; votes: number }> {
  const next = seededRandom(ideas);
  const rows: Idea[] = [];
  const votes: Vote[] = [];
  const created = Date.now() - 20 * 86_400_000;
  // Uneven (a few ideas take many), then evened out to exactly VOTES_PER_IDEA on average.
  const counts = Array.from({ length: ideas }, () =>
    Math.min(2_000, Math.floor(VOTES_PER_IDEA * 0.5 * Math.max(0.02, next()) ** -0.5)),
  );
  let total = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; total !== ideas * VOTES_PER_IDEA; i = (i + 1) % ideas) {
    if (total < ideas * VOTES_PER_IDEA) {
      counts[i]!++;
      total++;
    } else if (counts[i]! > 0) {
      counts[i]!--;
      total--;
    }
  }
  for (let i = 0; i < ideas; i++) {
    const id = newIdeaId(CALL_ID);
    const count = counts[i]!;
    for (let v = 0; v < count; v++) {
      votes.push({
        ideaId: id,
        voter: `v${(i * 7919 + v) % 100_000}`,
        at: new Date(created + v * 1000),
      });
    }
    rows.push({
      id,
      callId: CALL_ID,
      title: phrase(next, 5),
      procedure: phrase(next, 3),
      office: `Settore ${Math.floor(next() * 40)}`,
      problem: phrase(next, 40),
      proposal: phrase(next, 40),
      benefits: phrase(next, 15),
      beneficiaries: ['citizens'],
      links: [],
      area: `Area ${Math.floor(next() * 12)}`,
      theme: 'other',
      status: 'submitted',
      statusReason: null,
      labId: null,
      authors: [
        {
          objectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          name: `Persona ${i}`,
        },
      ],
      mergedAuthors: {},
      mergedInto: null,
      mergedFrom: [],
      votes: count,
      comments: Math.floor(next() * 10),
      openAmendments: 0,
      hidden: null,
      createdAt: new Date(created + i * 60_000),
    });
  }
  const repo = services.ideas.repository;
  await repo.ideas.upsertMany(rows.map((idea) => ({ idea, stamp: '' })));
  await repo.votes.upsertMany(votes);
  return { ids: rows.map((r) => r.id), votes: votes.length };
}

/**
 * `npm run bench:ideas`: Call4Ideas over HTTP at 100 and 10,000 ideas (20 votes each on average:
 * 200,000 at 10,000): the list sorted by votes (one page of 50), an idea page and similar ideas,
 * p95 with 10 concurrent callers; then 500 people voting one idea at the same moment, against
 * 500 sequential no-op authenticated calls in the same run.
 */
export async function benchIdeas(): Promise<IdeasRun> {
  const azurite = await startAzurite();
  const sizes: IdeasSize[] = [];
  let votesCounted = 0;
  let concurrentVotesMs = 0;
  let sequentialNoOpMs = 0;
  try {
    for (const ideas of [100, 10_000]) {
      const store = new TableStore(
        { kind: 'connectionString', connectionString: azurite.connectionString },
        `b${randomBytes(4).toString('hex')}`,
      );
      await store.ensureTables(ALL_TABLES);
      const services = createServices(store, {
        pseudonymSecret: 'bench-only-0123456789abcdef0123456789',
        abuseLimits: { ...DEFAULT_ABUSE_LIMITS, ideaVotesPerMinute: 10_000 },
      });
      await services.ideas.repository.calls.insert({
        id: CALL_ID,
        title: 'Call4Ideas',
        question: 'Quali procedimenti digitalizzare?',
        opensAt: new Date(Date.now() - 30 * 86_400_000),
        closesAt: new Date(Date.now() + 30 * 86_400_000),
      });
      const seeded = performance.now();
      const { ids, votes } = await seed(services, ideas);
      const seedSeconds = (performance.now() - seeded) / 1000;
      console.error(`${ideas} ideas and ${votes} votes seeded in ${seedSeconds.toFixed(0)} s`);
      const server = benchServer(services);
      await new Promise<void>((resolve) => {
        server.listen(0, '127.0.0.1', resolve);
      });
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      const get = async (path: string, user = 'reader'): Promise<number> => {
        const started = performance.now();
        const response = await fetch(`${base}${path}`, { headers: { 'x-bench-user': user } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        return performance.now() - started;
      };
      const viewMb = await heapHeldBy(() => get('/api/v1/ideas?sort=votes&limit=50'));
      const next = seededRandom(7);
      const p95 = async (path: () => string) => {
        for (let i = 0; i < WARM_UP; i++) await get(path());
        const times: number[] = [];
        const worker = async () => {
          while (times.length < REQUESTS) times.push(await get(path()));
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        return percentile(times, 95);
      };
      const listP95 = await p95(() => '/api/v1/ideas?sort=votes&limit=50');
      const pageP95 = await p95(() => `/api/v1/ideas/${ids[Math.floor(next() * ids.length)]!}`);
      const similarP95 = await p95(
        () => `/api/v1/ideas/similar?text=${encodeURIComponent(phrase(next, 12))}`,
      );
      sizes.push({ ideas, votes, seedSeconds, listP95, pageP95, similarP95, viewMb });

      if (ideas === 10_000) {
        const noOps = performance.now();
        for (let i = 0; i < VOTERS; i++) {
          const response = await fetch(`${base}/api/v1/bench/noop`, {
            headers: { 'x-bench-user': `n${i}` },
          });
          await response.arrayBuffer();
        }
        sequentialNoOpMs = performance.now() - noOps;
        const { id: idea } = await services.ideas.propose(
          { objectId: 'bench-author', name: 'Autrice', department: null, admin: false },
          { ...sample(), title: 'Votata da 500 persone' },
        );
        const voted = performance.now();
        const answers = await Promise.all(
          Array.from({ length: VOTERS }, (_, i) =>
            fetch(`${base}/api/v1/ideas/${idea}/vote`, {
              method: 'PUT',
              headers: { 'x-bench-user': `bench-voter-${i}` },
            }).then(async (r) => {
              await r.arrayBuffer();
              return r.status;
            }),
          ),
        );
        concurrentVotesMs = performance.now() - voted;
        if (answers.some((status) => status !== 200)) throw new Error('a vote was refused');
        votesCounted = (await services.ideas.repository.getIdea(idea))?.value.idea.votes ?? 0;
      }
      server.close();
      await store.deleteTables(ALL_TABLES);
    }
  } finally {
    await azurite.stop();
  }
  return { sizes, votesCounted, concurrentVotesMs, sequentialNoOpMs };
}

/** The app's HTTP server with a bench identity per request and one no-op authenticated route. */
function benchServer(services: Services): restify.Server {
  return createHttpServer({
    adapter: createAdapter({ mode: 'local' }, silentLogger),
    bot: createBot(services, silentLogger),
    store: services.store,
    logger: silentLogger,
    hsts: false,
    tabApi: {
      authenticate: async (headers) =>
        identityOf(String(headers['x-bench-user'] ?? 'anonymous').padEnd(8, '0')),
      routes: [
        ...TAB_ROUTES.map(
          (register) => (server: restify.Server, route: Parameters<typeof register>[1]) =>
            register(server, route, services),
        ),
        (server, route) =>
          server.get(
            '/api/v1/bench/noop',
            route(async ({ res }) => {
              res.status(204);
              res.end();
            }),
          ),
      ],
    },
  });
}

export function printIdeas(run: IdeasRun): void {
  console.log(
    '\nCall4Ideas: list (votes, page of 50), idea page, similar ideas; 10 concurrent callers',
  );
  console.table(
    run.sizes.map((s) => ({
      ideas: s.ideas,
      votes: s.votes,
      'seed (s)': s.seedSeconds.toFixed(1),
      'list p95 (ms)': s.listP95.toFixed(1),
      'page p95 (ms)': s.pageP95.toFixed(1),
      'similar p95 (ms)': s.similarP95.toFixed(1),
      'view heap (MB)': s.viewMb === null ? 'run with --expose-gc' : s.viewMb.toFixed(1),
    })),
  );
  const [small, large] = run.sizes;
  if (small && large) {
    const lines = [
      ['list p95 / 50 ms', large.listP95 / IDEAS_PAGE_BAR_MS, 1],
      ['list p95 growth 100 → 10,000 (bar 1.5)', large.listP95 / small.listP95, IDEAS_GROWTH_BAR],
      ['page p95 / 50 ms', large.pageP95 / IDEAS_PAGE_BAR_MS, 1],
      ['page p95 growth 100 → 10,000 (bar 1.5)', large.pageP95 / small.pageP95, IDEAS_GROWTH_BAR],
      ['similar p95 / 100 ms', large.similarP95 / SIMILAR_BAR_MS, 1],
      [
        `500 concurrent votes / 500 sequential no-ops (bar 3)`,
        run.concurrentVotesMs / run.sequentialNoOpMs,
        CONCURRENT_VOTES_BAR,
      ],
    ] as const;
    for (const [what, ratio, bar] of lines) {
      console.log(`${what}: ${ratio.toFixed(2)} ${ratio <= bar ? 'PASS' : 'FAIL'}`);
    }
    console.log(
      `votes counted: ${run.votesCounted} of ${VOTERS} ${run.votesCounted === VOTERS ? 'PASS' : 'FAIL'}` +
        ` (concurrent ${run.concurrentVotesMs.toFixed(0)} ms, sequential no-ops ${run.sequentialNoOpMs.toFixed(0)} ms)`,
    );
  }
}
