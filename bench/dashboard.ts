import {
  contributionOf,
  addValues,
  emptyValues,
  type AggregateRow,
} from '../core/assessment/aggregates';
import { scoreAnswers } from '../core/assessment/scoring';
import { seededRandom } from '../core/util/random';
import type { Services } from '../server/app';
import { startAzurite } from '../server/azurite';
import { apiAs, freshServices, latencies } from './api-bench';
import { getRaw } from './http-get';

const DEPARTMENTS = 60;
const UNITS_PER_DEPARTMENT = 3;
const ADMIN = '00000000-0000-4000-8000-00000000000a';
export const DASHBOARD_BAR_MS = 50;
export const DASHBOARD_GROWTH_BAR = 1.5;

export interface DashboardRun {
  results: number;
  rows: number;
  p50: number;
  p95: number;
}

/** The aggregate rows `results` submissions would leave, spread over 60 departments × 3 units. */
function aggregateRows(services: Services, results: number, seed: number): AggregateRow[] {
  const next = seededRandom(seed);
  const { questionnaire } = services;
  const campaignId = services.assessment.campaignId;
  const rows = new Map<string, AggregateRow>();
  for (let n = 0; n < results; n++) {
    const d = Math.floor(next() * DEPARTMENTS);
    const u = Math.floor(next() * UNITS_PER_DEPARTMENT);
    const orgUnitPath = [`Area ${String(d).padStart(2, '0')}`, `Settore ${u}`];
    const answers = Object.fromEntries(
      questionnaire.items.map((item) => [
        item.id,
        (1 + Math.floor(next() * 5)) as 1 | 2 | 3 | 4 | 5,
      ]),
    );
    for (const [dimension, delta] of contributionOf(scoreAnswers(questionnaire, answers), 1)) {
      const key = `${dimension}|${orgUnitPath.join('>')}`;
      const current = rows.get(key) ?? { campaignId, orgUnitPath, dimension, ...emptyValues() };
      rows.set(key, { ...current, ...addValues(current, delta) });
    }
  }
  return [...rows.values()];
}

/**
 * Dashboard API latency (GET /api/v1/dashboard/heatmap as an admin, over HTTP) with the
 * aggregates of 1,000 and of 100,000 results in 60 departments. The API reads only the
 * pre-aggregated rows, so the figure should not grow with the number of results.
 */
export async function benchDashboard(): Promise<DashboardRun[]> {
  const azurite = await startAzurite();
  const runs: DashboardRun[] = [];
  try {
    for (const results of [1_000, 100_000]) {
      const { services, drop } = await freshServices(azurite.connectionString);
      const rows = aggregateRows(services, results, results);
      await services.aggregates.replaceCampaign(services.assessment.campaignId, rows);
      const api = await apiAs(services, ADMIN, ['employee', 'admin']);
      const url = `${api.origin}/api/v1/dashboard/heatmap?depth=1`;
      const timed = await latencies(async () => {
        const answer = await getRaw(url);
        if (answer.status !== 200) throw new Error(`dashboard answered ${answer.status}`);
      });
      api.close();
      await drop();
      runs.push({ results, rows: rows.length, ...timed });
    }
  } finally {
    await azurite.stop();
  }
  return runs;
}

export function printDashboard(runs: DashboardRun[]): void {
  const [small, large] = runs;
  console.log(
    '\nDashboard API: GET /api/v1/dashboard/heatmap (admin, 60 departments), 10 concurrent callers',
  );
  console.table(
    runs.map((r) => ({
      results: r.results,
      'aggregate rows': r.rows,
      'p50 (ms)': r.p50.toFixed(1),
      'p95 (ms)': r.p95.toFixed(1),
      'p95 / bar 50 ms': (r.p95 / DASHBOARD_BAR_MS).toFixed(2),
    })),
  );
  if (small && large) {
    const growth = large.p95 / small.p95;
    console.log(
      `p95 at 100,000 / p95 at 1,000 = ${growth.toFixed(2)} (bar ${DASHBOARD_GROWTH_BAR}) ${growth <= DASHBOARD_GROWTH_BAR && large.p95 <= DASHBOARD_BAR_MS ? 'PASS' : 'FAIL'}`,
    );
  }
}
