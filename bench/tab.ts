import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import users from '../content/demo/playground-users.json';
import { launchChromium } from '../e2e/browser';
import { startApp, stopApp } from '../test/app-process';

const DIST = path.resolve(__dirname, '../tab/web/dist');
const RUNS = 7;
export const TAB_JS_BAR_KB = 300;
export const TAB_RENDER_BAR_MS = 1_000;

export interface TabFigures {
  initialJsGzipKb: number;
  firstRenderMs: number[];
}

/** The scripts index.html loads up front (lazy chunks excluded), gzip-compressed. */
function initialJsGzipKb(): number {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/tab\/assets\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const files = readdirSync(path.join(DIST, 'assets')).filter((f) => initial.includes(f));
  const bytes = files.reduce(
    (sum, f) => sum + gzipSync(readFileSync(path.join(DIST, 'assets', f))).length,
    0,
  );
  return bytes / 1024;
}

/**
 * The tab's initial JS (gzip) and its first render in headless Chromium on localhost: from
 * navigation to the section tabs being visible with the employee's data loaded.
 */
export async function benchTab(): Promise<TabFigures> {
  const [app, browser] = await Promise.all([startApp(), launchChromium()]);
  const firstRenderMs: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      const started = performance.now();
      await page.goto(`${app.botUrl}/tab/?lang=it-IT&user=${users[0]!.objectId}`);
      await page.getByRole('tablist', { name: 'Sezioni di óiBO' }).waitFor({ timeout: 30_000 });
      firstRenderMs.push(performance.now() - started);
      await page.close();
    }
  } finally {
    await browser.close();
    await stopApp(app);
  }
  return { initialJsGzipKb: initialJsGzipKb(), firstRenderMs };
}

export function printTab({ initialJsGzipKb, firstRenderMs }: TabFigures): void {
  const sorted = [...firstRenderMs].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    '\nTab: initial JS and first render (headless Chromium, localhost, first of 7 runs is cold)',
  );
  console.table([
    {
      figure: 'initial JS (KB gzip)',
      value: initialJsGzipKb.toFixed(1),
      bar: TAB_JS_BAR_KB,
      ratio: (initialJsGzipKb / TAB_JS_BAR_KB).toFixed(2),
    },
    {
      figure: 'first render, cold (ms)',
      value: firstRenderMs[0]!.toFixed(0),
      bar: TAB_RENDER_BAR_MS,
      ratio: (firstRenderMs[0]! / TAB_RENDER_BAR_MS).toFixed(2),
    },
    {
      figure: 'first render, median (ms)',
      value: median.toFixed(0),
      bar: TAB_RENDER_BAR_MS,
      ratio: (median / TAB_RENDER_BAR_MS).toFixed(2),
    },
  ]);
}
