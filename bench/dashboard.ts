import { randomBytes } from 'node:crypto';
import {
  contributionOf,
  addValues,
  emptyValues,
  type AggregateRow,
} from '../core/assessment/aggregates';
import { scoreAnswers } from '../core/assessment/scoring';
import { seededRandom } from '../core/util/random';
import { TableStore } from '../core/store/table-store';
import { ALL_TABLES } from '../server/registry';
import { createBotServer, createServices, type Services } from '../server/app';
import { startAzurite } from '../server/azurite';
import { silentLogger } from '../test/bot-harness';
import { identityOf } from '../tab/api/auth/identity';

const DEPARTMENTS = 60;
const UNITS_PER_DEPARTMENT = 3;
const REQUESTS = 300;
const WARM_UP = 20;
const CONCURRENCY = 10;
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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
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
      const store = new TableStore(
        { kind: 'connectionString', connectionString: azurite.connectionString },
        `b${randomBytes(4).toString('hex')}`,
      );
      await store.ensureTables(ALL_TABLES);
      const services = createServices(store, {
        pseudonymSecret: 'bench-only-0123456789abcdef0123456789',
      });
      const rows = aggregateRows(services, results, results);
      await services.aggregates.replaceCampaign(services.assessment.campaignId, rows);
      const admin = identityOf('00000000-0000-4000-8000-00000000000a');
      const server = createBotServer(
        {
          botAuth: { mode: 'local' },
          authenticate: async () => ({ ...admin, roles: ['employee', 'admin'] }),
        },
        services,
        silentLogger,
      );
      await new Promise<void>((resolve) => {
        server.listen(0, '127.0.0.1', resolve);
      });
      const url = `http://127.0.0.1:${server.address().port}/api/v1/dashboard/heatmap?depth=1`;
      const timed = async (): Promise<number> => {
        const started = performance.now();
        const response = await fetch(url);
        if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
        await response.arrayBuffer();
        return performance.now() - started;
      };
      for (let i = 0; i < WARM_UP; i++) await timed();
      const times: number[] = [];
      const worker = async (): Promise<void> => {
        while (times.length < REQUESTS) times.push(await timed());
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      server.close();
      await store.deleteTables(ALL_TABLES);
      const sorted = [...times].sort((a, b) => a - b);
      runs.push({
        results,
        rows: rows.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
      });
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
