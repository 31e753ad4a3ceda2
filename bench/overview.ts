import {
  addValues,
  contributionOf,
  emptyValues,
  type AggregateRow,
} from '../core/assessment/aggregates';
import { scoreAnswers } from '../core/assessment/scoring';
import type { Person } from '../core/directory/person';
import { IDEA_STATUSES, IDEA_THEMES, newIdeaId, type Idea } from '../core/ideas/idea';
import type { LabTask } from '../core/labs/board';
import type { Lab } from '../core/labs/lab';
import { forEachLimit } from '../core/util/concurrency';
import { seededRandom } from '../core/util/random';
import type { Services } from '../server/app';
import { startAzurite } from '../server/azurite';
import { apiAs, freshServices, latencies } from './api-bench';
import { getRaw } from './http-get';

const DEPARTMENTS = 60;
const UNITS_PER_DEPARTMENT = 3;
const LABS = 300;
const TASKS_PER_LAB = 10;
const IDEAS = 10_000;
const FACILITATORS_PER_DEPARTMENT = 10;
const ADMIN = '00000000-0000-4000-8000-00000000000a';
const DAY_MS = 86_400_000;
export const OVERVIEW_BAR_MS = 80;
export const OVERVIEW_GROWTH_BAR = 1.5;

export interface OverviewRun {
  employees: number;
  /** One recount of every overview row from the raw rows (`overview rebuild`). */
  rebuildMs: number;
  p50: number;
  p95: number;
}

const unitOf = (n: number): string[] => [
  `Area ${String(n % DEPARTMENTS).padStart(2, '0')}`,
  `Settore ${Math.floor(n / DEPARTMENTS) % UNITS_PER_DEPARTMENT}`,
];

function directory(employees: number): Person[] {
  return Array.from({ length: employees }, (_, n) => ({
    objectId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    displayName: `Persona ${n}`,
    orgUnitPath: unitOf(n),
    manager: false,
    roles: [],
    locale: 'it-IT' as const,
  }));
}

/** The aggregate rows of `results` submissions of `campaignId` (every other person answered). */
function aggregateRows(
  services: Services,
  campaignId: string,
  results: number,
  seed: number,
): AggregateRow[] {
  const next = seededRandom(seed);
  const rows = new Map<string, AggregateRow>();
  for (let n = 0; n < results; n++) {
    const orgUnitPath = unitOf(n * 2);
    const answers = Object.fromEntries(
      services.questionnaire.items.map((item) => [item.id, (1 + Math.floor(next() * 5)) as 3]),
    );
    const result = scoreAnswers(services.questionnaire, answers);
    for (const [dimension, delta] of contributionOf(result, 1)) {
      const key = `${dimension}|${orgUnitPath.join('>')}`;
      const current = rows.get(key) ?? { campaignId, orgUnitPath, dimension, ...emptyValues() };
      rows.set(key, { ...current, ...addValues(current, delta) });
    }
  }
  return [...rows.values()];
}

/** 100,000-sized data: people, two campaigns, labs with tasks, ideas, facilitators. */
async function seed(services: Services, employees: number): Promise<void> {
  const people = directory(employees);
  await services.directory.importPeople(people);
  const current = services.assessment.describeCampaign();
  const previous = {
    ...current,
    id: `${current.id}-previous`,
    lockedAt: new Date(Date.now() - 365 * DAY_MS),
  };
  await services.assessmentCampaigns.lock(previous);
  await services.assessmentCampaigns.lock(current);
  for (const [i, campaign] of [previous, current].entries()) {
    const rows = aggregateRows(services, campaign.id, employees / 2, i + 1);
    await services.aggregates.replaceCampaign(campaign.id, rows);
  }

  const next = seededRandom(employees);
  const themes = await services.labs.themes.all();
  const now = new Date();
  const labs: Lab[] = Array.from({ length: LABS }, (_, n) => ({
    id: `lab${String(n).padStart(4, '0')}`,
    themeId: themes[n % themes.length]!.id,
    title: `Laboratorio ${n}`,
    goal: 'Obiettivo',
    status: n % 7 === 0 ? 'concluded' : 'active',
    private: n % 10 === 0,
    createdAt: now,
    members: Array.from({ length: 8 }, (_, m) => ({
      objectId: people[(n * 8 + m) % employees]!.objectId!,
      role: m === 0 ? ('lead' as const) : ('member' as const),
      since: now,
    })),
    invitations: [],
    requests: [],
    lastUpdateAt: new Date(now.getTime() - Math.floor(next() * 30) * DAY_MS),
  }));
  await forEachLimit(labs, 8, (lab) => services.labs.labRows.insert(lab));
  const tasks: LabTask[] = labs.flatMap((lab) =>
    Array.from({ length: TASKS_PER_LAB }, (_, t) => ({
      labId: lab.id,
      id: `t${t}`,
      title: `Attività ${t}`,
      description: '',
      column: (['todo', 'doing', 'done'] as const)[t % 3]!,
      order: t,
      assignees: [],
      updatedAt: now,
      ...(t % 4 === 0 ? { dueDate: '2026-01-15' } : {}),
    })),
  );
  await forEachLimit(tasks, 8, async (task) => {
    await services.labs.boardRows.insertTask(task);
  });

  const admin = { objectId: people[0]!.objectId!, name: null, department: null, admin: true };
  const call = await services.ideas.saveCall(admin, {
    title: 'Call4Ideas',
    question: 'Che cosa digitalizzare?',
    opensAt: new Date(now.getTime() - DAY_MS),
    closesAt: new Date(now.getTime() + 90 * DAY_MS),
  });
  const ideas: Idea[] = Array.from({ length: IDEAS }, (_, n) => ({
    id: newIdeaId(call.id),
    callId: call.id,
    title: `Idea ${n}`,
    procedure: 'Procedimento',
    office: 'Ufficio',
    problem: 'Il problema di oggi, descritto per bene.',
    proposal: 'La proposta, descritta per bene.',
    benefits: 'Chi ne beneficia e come.',
    beneficiaries: ['citizens'],
    links: [],
    area: unitOf(n)[0]!,
    theme: IDEA_THEMES[n % IDEA_THEMES.length]!,
    status: IDEA_STATUSES[Math.floor(next() * 4)]!,
    statusReason: null,
    labId: null,
    authors: [{ objectId: people[n % employees]!.objectId!, name: `Persona ${n % employees}` }],
    mergedAuthors: {},
    mergedInto: null,
    mergedFrom: [],
    votes: Math.floor(next() * 200),
    comments: 0,
    openAmendments: 0,
    hidden: null,
    createdAt: now,
  }));
  await services.ideas.repository.ideas.upsertMany(ideas.map((idea) => ({ idea, stamp: '' })));

  for (let d = 0; d < DEPARTMENTS; d++) {
    for (let f = 0; f < FACILITATORS_PER_DEPARTMENT; f++) {
      const person = people[(f * DEPARTMENTS + d) % employees]!;
      await services.facilitators.add({
        objectId: person.objectId!,
        department: person.orgUnitPath[0]!,
        roundId: 'bench',
        since: now,
      });
    }
  }
}

/**
 * GET /api/v1/overview as an admin over HTTP, 10 concurrent callers, at 1,000 and 100,000
 * employees (60 departments, 2 campaigns, 300 labs, 10,000 ideas, 600 facilitators). The route
 * reads the overview's rows and the published aggregates only, so its figure should not grow
 * with the data; the rebuild (the background refresh's recount) is timed beside it.
 */
export async function benchOverview(): Promise<OverviewRun[]> {
  const azurite = await startAzurite();
  const runs: OverviewRun[] = [];
  try {
    for (const employees of [1_000, 100_000]) {
      const { services, drop } = await freshServices(azurite.connectionString);
      await seed(services, employees);
      const started = performance.now();
      await services.overviewRefresh.rebuild();
      const rebuildMs = performance.now() - started;
      const api = await apiAs(services, ADMIN, ['employee', 'admin']);
      const timed = await latencies(async () => {
        const answer = await getRaw(`${api.origin}/api/v1/overview`, { 'accept-encoding': 'gzip' });
        if (answer.status !== 200) throw new Error(`overview answered ${answer.status}`);
      });
      api.close();
      await drop();
      runs.push({ employees, rebuildMs, ...timed });
    }
  } finally {
    await azurite.stop();
  }
  return runs;
}

export function printOverview(runs: OverviewRun[]): void {
  const [small, large] = runs;
  console.log(
    '\nOverview API: GET /api/v1/overview (admin; 60 departments, 2 campaigns, 300 labs, 10,000 ideas), 10 concurrent callers',
  );
  console.table(
    runs.map((r) => ({
      employees: r.employees,
      'rebuild (ms)': r.rebuildMs.toFixed(0),
      'p50 (ms)': r.p50.toFixed(1),
      'p95 (ms)': r.p95.toFixed(1),
      'p95 / bar 80 ms': (r.p95 / OVERVIEW_BAR_MS).toFixed(2),
    })),
  );
  if (small && large) {
    const growth = large.p95 / small.p95;
    const pass = growth <= OVERVIEW_GROWTH_BAR && large.p95 <= OVERVIEW_BAR_MS;
    console.log(
      `p95 at 100,000 / p95 at 1,000 = ${growth.toFixed(2)} (bar ${OVERVIEW_GROWTH_BAR}) ${pass ? 'PASS' : 'FAIL'}`,
    );
  }
}
