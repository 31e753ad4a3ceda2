import type { Person } from '../core/directory/person';
import { createChannelPoster, type Services } from '../server/app';
import { startAzurite } from '../server/azurite';
import { apiAs, freshServices, latencies, type Latencies } from './api-bench';
import { start as startSimulator } from './connector-sim/connector-sim';
import { getRaw } from './http-get';
import type { Actor } from '../core/labs/lab';

const BURST = 100;
export const LABS_BAR_MS = 50;
export const LABS_GROWTH_BAR = 1.5;

export interface LabsTiming {
  what: string;
  size: string;
  bytes: number;
  p50: number;
  p95: number;
}

export interface LabsBurst {
  updates: number;
  delivered: number;
  posted: number;
  throttled: number;
  seconds: number;
}

const LEAD = '00000000-0000-4000-8000-aaaaaaaaaaaa';
const TEAM = '19:bench-team@thread.tacv2';
const CHANNEL = '19:bench-channel@thread.tacv2';

function people(count: number): Person[] {
  return Array.from({ length: count }, (_, n) => ({
    objectId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    displayName: `Persona ${n}`,
    orgUnitPath: [`Area ${n % 12}`],
    manager: false,
    roles: n === 0 ? ['facilitator' as const] : [],
    locale: 'it-IT' as const,
  }));
}

/** A fresh store with the bench's directory: 40 people and the lead. */
async function fresh(
  connectionString: string,
): Promise<{ services: Services; drop: () => Promise<void> }> {
  const { services, drop } = await freshServices(connectionString);
  await services.directory.importPeople([
    ...people(40),
    {
      objectId: LEAD,
      displayName: 'Coordinatrice',
      orgUnitPath: ['Area 0'],
      manager: false,
      roles: ['facilitator'],
      locale: 'it-IT',
    },
  ]);
  return { services, drop };
}

/** A lab led by {@link LEAD} with 20 members, `tasks` tasks and `updates` stored updates. */
async function seedLab(
  services: Services,
  actor: Actor,
  tasks: number,
  updates: number,
): Promise<string> {
  const { labs } = services;
  const lab = await labs.labs.create(
    { theme: 'shared-tasks', title: 'Laboratorio di prova', goal: 'Misurare' },
    actor,
  );
  const members = people(20).map((p) => p.objectId!);
  await labs.labRows.modify(lab.id, (l) => ({
    ...l,
    members: [
      ...l.members,
      ...members.map((objectId) => ({ objectId, role: 'member' as const, since: new Date() })),
    ],
  }));
  const columns = ['todo', 'doing', 'done'] as const;
  for (let i = 0; i < tasks; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, tasks - i) }, (_, j) =>
        labs.boardRows.insertTask({
          labId: lab.id,
          id: `t${i + j}`,
          title: `Attività ${i + j}`,
          description: 'Una descrizione di qualche riga, come nelle bacheche vere.'.repeat(3),
          column: columns[(i + j) % 3]!,
          order: i + j,
          assignees: [members[(i + j) % 20]!],
          dueDate: '2026-12-31',
          updatedAt: new Date(),
        }),
      ),
    );
  }
  for (let i = 0; i < updates; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, updates - i) }, (_, j) => {
        const at = new Date(Date.now() - (i + j) * 60_000);
        return labs.updateRows.insert({
          labId: lab.id,
          id: `u${String(i + j).padStart(4, '0')}`,
          title: `Aggiornamento ${i + j}`,
          text: 'Testo di un aggiornamento del laboratorio. '.repeat(20),
          progress: 50,
          mentions: [],
          author: LEAD,
          at,
          post: { state: 'posted', at, conversationId: `${CHANNEL};messageid=${i + j}` },
        });
      }),
    );
  }
  return lab.id;
}

/**
 * GETs of `path` as the lead, as the tab's browser asks: gzip accepted, each answer read to its
 * last byte and not inflated here (a browser inflates natively, off the page's thread). `bytes`
 * is what crossed the wire.
 */
async function timeGets(services: Services, path: string): Promise<Latencies & { bytes: number }> {
  const api = await apiAs(services, LEAD, ['employee', 'facilitator']);
  let bytes = 0;
  try {
    const timed = await latencies(
      async () => {
        const answer = await getRaw(`${api.origin}${path}`);
        if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
        bytes = answer.wireBytes;
      },
      { requests: 200 },
    );
    return { ...timed, bytes };
  } finally {
    api.close();
  }
}

/**
 * `GET /api/v1/labs/{id}` of a lab with 10 tasks and 10 updates, then 500 and 200; `GET
 * /api/v1/labs` with 10 labs, then 300 (10 concurrent callers over HTTP, accepting gzip, each
 * answer read to its last byte; the size is the bytes on the wire); and a burst of 100
 * updates to one channel through the connector simulator (Teams' tenant and per-conversation
 * limits): every update posted, none answered 429.
 */
export async function benchLabs(): Promise<{ timings: LabsTiming[]; burst: LabsBurst }> {
  const azurite = await startAzurite();
  const timings: LabsTiming[] = [];
  const actor: Actor = { objectId: LEAD, roles: ['employee', 'facilitator'] };
  try {
    for (const [tasks, updates] of [
      [10, 10],
      [500, 200],
    ] as const) {
      const { services, drop } = await fresh(azurite.connectionString);
      const id = await seedLab(services, actor, tasks, updates);
      const timed = await timeGets(services, `/api/v1/labs/${id}`);
      timings.push({
        what: 'GET /api/v1/labs/{id}',
        size: `${tasks} tasks, ${updates} updates`,
        ...timed,
      });
      await drop();
    }
    for (const count of [10, 300]) {
      const { services, drop } = await fresh(azurite.connectionString);
      for (let i = 0; i < count; i += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, count - i) }, (_, j) =>
            services.labs.labs.create(
              {
                theme: 'shared-tasks',
                title: `Laboratorio ${i + j}`,
                goal: 'Un obiettivo del laboratorio.',
              },
              actor,
            ),
          ),
        );
      }
      const timed = await timeGets(services, '/api/v1/labs');
      timings.push({ what: 'GET /api/v1/labs', size: `${count} labs`, ...timed });
      await drop();
    }
    return { timings, burst: await burst(azurite.connectionString, actor) };
  } finally {
    await azurite.stop();
  }
}

async function burst(connectionString: string, actor: Actor): Promise<LabsBurst> {
  const sim = await startSimulator();
  const { services, drop } = await fresh(connectionString);
  const poster = createChannelPoster(services, { mode: 'local' });
  try {
    const { labs } = services;
    const now = new Date();
    await labs.teams.saveTeam({
      teamId: TEAM,
      name: 'Bench',
      serviceUrl: sim.url,
      removed: false,
      updatedAt: now,
    });
    await labs.teams.saveChannels([
      { teamId: TEAM, channelId: CHANNEL, name: 'Bench', deleted: false, updatedAt: now },
    ]);
    const lab = await labs.labs.create(
      { theme: 'shared-tasks', title: 'Raffica', goal: 'Cento aggiornamenti' },
      actor,
    );
    await labs.labs.linkChannel(lab.id, { teamId: TEAM, channelId: CHANNEL }, actor);
    poster.start(1_000, (error) => console.error(error));
    const started = performance.now();
    await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        labs.updates.post(
          lab.id,
          { title: `Aggiornamento ${i}`, text: 'Raffica di aggiornamenti.' },
          actor,
          'it-IT',
        ),
      ),
    );
    let posted = 0;
    for (;;) {
      const timeline = await labs.updates.timeline(lab.id);
      posted = timeline.filter((u) => u.post.state === 'posted').length;
      if (timeline.every((u) => u.post.state !== 'pending')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const seconds = (performance.now() - started) / 1000;
    const stats = sim.stats();
    return {
      updates: BURST,
      delivered: stats.accepted,
      posted,
      throttled: stats.throttled,
      seconds,
    };
  } finally {
    await poster.stop();
    await sim.stop();
    await drop();
  }
}

export function printLabs({
  timings,
  burst: b,
}: {
  timings: LabsTiming[];
  burst: LabsBurst;
}): void {
  console.log('\nLabs: 10 concurrent callers over HTTP');
  console.table(
    timings.map((r) => ({
      route: r.what,
      size: r.size,
      'on the wire (KB)': (r.bytes / 1024).toFixed(0),
      'p50 (ms)': r.p50.toFixed(1),
      'p95 (ms)': r.p95.toFixed(1),
      'p95 / bar 50 ms': (r.p95 / LABS_BAR_MS).toFixed(2),
    })),
  );
  for (const [small, large] of [
    [timings[0], timings[1]],
    [timings[2], timings[3]],
  ]) {
    if (!small || !large) continue;
    const growth = large.p95 / small.p95;
    const pass = growth <= LABS_GROWTH_BAR && large.p95 <= LABS_BAR_MS;
    console.log(
      `${large.what}: p95 ${large.size} / ${small.size} = ${growth.toFixed(2)} (bar ${LABS_GROWTH_BAR}) ${pass ? 'PASS' : 'FAIL'}`,
    );
  }
  const lost = b.updates - b.posted;
  console.log(
    `Burst of ${b.updates} updates to one channel: ${b.delivered} delivered, ${b.posted} posted, ${lost} lost, ${b.throttled} answered 429, ${b.seconds.toFixed(1)} s ` +
      `${lost === 0 && b.throttled === 0 && b.delivered === b.updates ? 'PASS' : 'FAIL'}`,
  );
}
