import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startAzurite } from '../server/azurite';
import { productionEnv, startProduction, treeRssMiB } from '../test/production-process';

const ROOT = path.resolve(__dirname, '..');
const ARTIFACT = path.join(ROOT, 'dist', 'app');
const RUNS = 3;
/** Requests served before memory is read: a started instance that has answered some traffic. */
const WARM_REQUESTS = 100;

export interface StartFigures {
  variant: string;
  healthyMs: number[];
  rssMiB: number[];
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Production start-up, process start → first 200 from /healthz, and the resident memory of
 * everything the start command runs, after WARM_REQUESTS: what App Service ran before
 * (`npm start`: the tab's staleness check, then tsx compiling the TypeScript at start) against
 * the artifact's `node server/main.js`, alternately in one run, both in production mode over
 * the same throwaway Azurite. After `npm run build` (bench:start runs it); the artifact resolves its modules
 * from the repository's node_modules, which hold the same runtime packages.
 */
export async function benchProductionStart(): Promise<StartFigures[]> {
  if (!existsSync(path.join(ARTIFACT, 'server', 'main.js'))) {
    throw new Error('no dist/app: run npm run build first');
  }
  const { scripts } = JSON.parse(readFileSync(path.join(ARTIFACT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [, ...args] = scripts.start.split(' ');
  const variants = [
    { variant: 'npm start (tsx, before)', command: ['npm', 'start'], cwd: ROOT },
    {
      variant: 'node server/main.js (artifact)',
      command: [process.execPath, ...args],
      cwd: ARTIFACT,
    },
  ];
  const figures: StartFigures[] = variants.map(({ variant }) => ({
    variant,
    healthyMs: [],
    rssMiB: [],
  }));
  const azurite = await startAzurite();
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [i, { command, cwd }] of variants.entries()) {
        const app = await startProduction(command, {
          cwd,
          env: productionEnv(azurite.connectionString),
        });
        for (let request = 0; request < WARM_REQUESTS; request++) {
          await (await fetch(`${app.url}${request % 10 === 0 ? '/tab/' : '/healthz'}`)).text();
        }
        figures[i]!.healthyMs.push(app.healthyAfterMs);
        figures[i]!.rssMiB.push(await treeRssMiB(app.process.pid!));
        await app.stop();
      }
    }
  } finally {
    await azurite.stop();
  }
  return figures;
}

export function printProductionStart(figures: StartFigures[]): void {
  const before = figures[0]!;
  console.log(
    `\nProduction start (node ${process.versions.node}): process start → /healthz 200, and RSS of ` +
      `the whole process tree after ${WARM_REQUESTS} requests; median of ${RUNS} alternate runs`,
  );
  console.table(
    figures.map((f) => ({
      start: f.variant,
      'healthy (ms)': median(f.healthyMs).toFixed(0),
      'RSS (MiB)': median(f.rssMiB).toFixed(0),
      'time ratio to before': (median(f.healthyMs) / median(before.healthyMs)).toFixed(2),
      'RSS ratio to before': (median(f.rssMiB) / median(before.rssMiB)).toFixed(2),
    })),
  );
  console.log(`runs: ${JSON.stringify(figures)}`);
}
