import type { Person } from '../core/directory/person';
import type { Candidate } from '../core/facilitators/facilitators';
import { seededRandom } from '../core/util/random';
import { startAzurite } from '../server/azurite';
import { apiAs, freshServices, latencies } from './api-bench';
import { getRaw } from './http-get';

const DEPARTMENTS = 60;
const CONSENTING = 0.3;
const ADMIN = '00000000-0000-4000-8000-aaaaaaaaaaaa';
export const SHORTLIST_BAR_MS = 200;
export const SHORTLIST_GROWTH_BAR = 2;

export interface ShortlistRun {
  people: number;
  candidates: number;
  shortlisted: number;
  /** The JSON's size, and what goes on the wire gzip-ed. */
  bytes: number;
  gzipBytes: number;
  /** The creation's answer (the round preparing), and until its shortlist is ready. */
  answeredMs: number;
  createMs: number;
  firstViewMs: number;
  p50: number;
  p95: number;
  /** The same requests from a caller that refuses gzip (the answer before it was kept gzip-ed). */
  identityP95: number;
}

/** Two scores around 60 (spread 15), related as real answers are, to one decimal, 0–100. */
function scores(next: () => number): [number, number] {
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const shared = normal();
  const score = () =>
    Math.round(Math.min(100, Math.max(0, 60 + 15 * (0.6 * shared + 0.8 * normal()))) * 10) / 10;
  return [score(), score()];
}

function organisation(people: number, seed: number): { staff: Person[]; candidates: Candidate[] } {
  const next = seededRandom(seed);
  const staff: Person[] = [];
  const candidates: Candidate[] = [];
  for (let n = 0; n < people; n++) {
    const objectId = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
    const department = `Area ${String(Math.floor(next() * DEPARTMENTS)).padStart(2, '0')}`;
    staff.push({
      objectId,
      displayName: `Persona ${n}`,
      orgUnitPath: [department, `Settore ${Math.floor(next() * 3)}`],
      manager: false,
      roles: [],
      locale: 'it-IT',
    });
    if (next() >= CONSENTING) continue;
    const [digitalSkills, motivation] = scores(next);
    candidates.push({
      objectId,
      department,
      digitalSkills,
      motivation,
      interested: next() < 0.5,
      submittedAt: new Date('2026-03-01T09:00:00Z'),
    });
  }
  return { staff, candidates };
}

/**
 * A round's shortlist and coverage map (GET /api/v1/facilitator-rounds/:id as an admin, over
 * HTTP) with 4,000 and 100,000 assessed people in 60 departments, 30 % consenting. The round is
 * created from the candidates table kept on submission; its view is built, serialised and gzip-ed
 * once per version of the round, so a request costs a point read and a write of the kept bytes.
 * The same requests are also timed from a caller that refuses gzip (the JSON as it is). Each
 * request is timed to its last byte on the wire, not inflated here (see `getRaw`).
 */
export async function benchShortlist(): Promise<ShortlistRun[]> {
  const azurite = await startAzurite();
  const runs: ShortlistRun[] = [];
  try {
    for (const people of [4_000, 100_000]) {
      const { services, drop } = await freshServices(azurite.connectionString);
      const { staff, candidates } = organisation(people, people);
      await services.directory.importPeople(staff);
      await services.candidates.upsertMany(candidates);
      const created = performance.now();
      const round = await services.facilitatorRounds.create(ADMIN, {
        thresholds: { digitalSkills: 70, motivation: 70 },
      });
      const answeredMs = performance.now() - created;
      await services.roundPreparation.settled(round.id);
      const createMs = performance.now() - created;
      const api = await apiAs(services, ADMIN, ['employee', 'admin']);
      const url = `${api.origin}/api/v1/facilitator-rounds/${round.id}`;
      const wire = { gzip: 0, identity: 0 };
      let bytes = 0;
      const get = async (encoding: 'gzip' | 'identity'): Promise<void> => {
        const answer = await getRaw(url, { 'accept-encoding': encoding });
        if (answer.status !== 200) throw new Error(`the round answered ${answer.status}`);
        if ((answer.encoding ?? 'identity') !== encoding)
          throw new Error(`asked ${encoding}, got ${answer.encoding}`);
        if (encoding === 'identity') bytes = answer.wireBytes;
        wire[encoding] = answer.wireBytes;
      };
      const firstView = performance.now();
      await get('gzip');
      const firstViewMs = performance.now() - firstView;
      const shortlisted = (await services.facilitatorRounds.view(round.id)).candidates.length;
      const identity = await latencies(() => get('identity'));
      const gzip = await latencies(() => get('gzip'));
      api.close();
      await drop();
      runs.push({
        people,
        candidates: candidates.length,
        shortlisted,
        bytes,
        gzipBytes: wire.gzip,
        answeredMs,
        createMs,
        firstViewMs,
        ...gzip,
        identityP95: identity.p95,
      });
    }
  } finally {
    await azurite.stop();
  }
  return runs;
}

export function printShortlist(runs: ShortlistRun[]): void {
  const [small, large] = runs;
  console.log(
    '\nShortlist: GET /api/v1/facilitator-rounds/:id (admin, 60 departments, 30 % consenting), 10 concurrent callers',
  );
  console.table(
    runs.map((r) => ({
      people: r.people,
      candidates: r.candidates,
      shortlisted: r.shortlisted,
      'response (KB)': (r.bytes / 1024).toFixed(0),
      'gzip-ed (KB)': (r.gzipBytes / 1024).toFixed(0),
      'create answered (ms)': r.answeredMs.toFixed(0),
      'round prepared (ms)': r.createMs.toFixed(0),
      'first view (ms)': r.firstViewMs.toFixed(1),
      'p50 (ms)': r.p50.toFixed(1),
      'p95 (ms)': r.p95.toFixed(1),
      'p95 / bar 200 ms': (r.p95 / SHORTLIST_BAR_MS).toFixed(2),
      'p95 refusing gzip (ms)': r.identityP95.toFixed(1),
    })),
  );
  if (small && large) {
    const growth = large.p95 / small.p95;
    const pass = growth <= SHORTLIST_GROWTH_BAR && large.p95 <= SHORTLIST_BAR_MS;
    console.log(
      `p95 at 100,000 / p95 at 4,000 = ${growth.toFixed(2)} (bar ${SHORTLIST_GROWTH_BAR}) ${pass ? 'PASS' : 'FAIL'}` +
        `; refusing gzip: ${(large.identityP95 / small.identityP95).toFixed(2)}`,
    );
  }
}
