import type { Page } from 'playwright-core';
import users from '../content/demo/playground-users.json';
import type { Overview } from '../tab/api/contract';
import { screenshot } from './browser';
import { appInBrowser, appStore } from './harness';
import { recordSidewaysScroll, sidewaysMoments } from './sideways';

const [GIULIA, MARCO, SARA] = [users[0]!, users[1]!, users[2]!]; // employee, manager, admin
const WIDE = { width: 1280, height: 900 };
/** Teams on a phone. */
const NARROW = { width: 420, height: 860 };
const HIDDEN = 'Nascosto per la privacy';

describe('the Panoramica screen in a browser (demo identities)', () => {
  const ctx = appInBrowser(WIDE);
  const backend = appStore(ctx);

  beforeAll(async () => {
    await recordSidewaysScroll(ctx.page);
    // The demo's rounds, labs and ideas, counted now rather than at the app's next refresh.
    await backend.services.overviewRefresh.rebuild();
  }, 120_000);

  /** The overview as the API answers it to `user`. */
  const overviewOf = async (user: { objectId: string }): Promise<Overview> => {
    const response = await fetch(`${ctx.app.botUrl}/api/v1/overview`, {
      headers: { 'x-oibo-demo-user': user.objectId, 'accept-language': 'it-IT' },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Overview;
  };

  const open = async (
    page: Page,
    user: { objectId: string },
    theme: 'light' | 'dark' | 'contrast',
  ) => {
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${user.objectId}&theme=${theme}`);
    await page.getByRole('tab', { name: 'Panoramica' }).click({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Panoramica del programma' }).waitFor();
    await page
      .getByRole('region', { name: 'Partecipazione', exact: true })
      .waitFor({ timeout: 20_000 });
  };

  /** The participation per unit as shown: every hidden unit in words, the others as numbers. */
  const checkUnits = async (page: Page, data: Overview) => {
    const table = page.getByRole('table', { name: 'Partecipazione per struttura' });
    await table.waitFor();
    const rows = await table.getByRole('row').all();
    expect(rows).toHaveLength(1 + data.participation.units.length + 1);
    for (const [i, unit] of data.participation.units.entries()) {
      const cells = await rows[1 + i]!.getByRole('cell').allTextContents();
      if (unit.hidden) expect(cells).toEqual([HIDDEN, HIDDEN, HIDDEN]);
      else expect(cells.slice(0, 2)).toEqual([String(unit.invited), String(unit.completed)]);
    }
  };

  it('shows an admin the whole programme, light, dark and high contrast, and nothing sideways on a phone', async () => {
    const page = ctx.page;
    const data = await overviewOf(SARA);
    expect(data.scope).toEqual([]);
    await open(page, SARA, 'light');
    await page.getByText("Ambito: tutta l'organizzazione").waitFor();
    await checkUnits(page, data);
    for (const name of [
      'Punti di forza e aree di crescita',
      'Facilitatori digitali',
      'Laboratori',
      'Idee',
    ])
      await page.getByRole('region', { name, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Apri Facilitatori' }).waitFor();
    // Every chart's bars are reachable from the keyboard, each named by its figure.
    const bar = page
      .getByRole('figure', { name: /^Grafico: / })
      .first()
      .getByRole('option')
      .first();
    await bar.focus();
    expect(await bar.getAttribute('aria-label')).toMatch(/\d/);
    await screenshot(page, 'overview-admin-light-1280');

    await open(page, SARA, 'dark');
    await checkUnits(page, data);
    await screenshot(page, 'overview-admin-dark-1280');
    await open(page, SARA, 'contrast');
    await checkUnits(page, data);
    await screenshot(page, 'overview-admin-contrast-1280');

    await page.setViewportSize(NARROW);
    await page.getByRole('region', { name: 'Idee', exact: true }).waitFor();
    expect(await sidewaysMoments(page)).toEqual([]);
    await screenshot(page, 'overview-admin-dark-420');
    await page.setViewportSize(WIDE);
  }, 180_000);

  it('shows a manager their subtree, and opens the heat map from a tile', async () => {
    const page = ctx.page;
    const data = await overviewOf(MARCO);
    expect(data.scope).toEqual(MARCO.orgUnitPath);
    await open(page, MARCO, 'light');
    await page.getByText(`Ambito: ${MARCO.orgUnitPath.join(' › ')}`).waitFor();
    await checkUnits(page, data);
    expect(await page.getByRole('button', { name: 'Apri Facilitatori' }).count()).toBe(0);
    await screenshot(page, 'overview-manager-light-1280');

    await page
      .getByRole('region', { name: 'Partecipazione', exact: true })
      .getByRole('button', { name: 'Apri il cruscotto' })
      .click();
    await page.getByRole('table', { name: /^Punteggio medio \(da 0 a 100\)/ }).waitFor({
      timeout: 20_000,
    });
    expect(await page.getByRole('tab', { name: 'Cruscotto' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  }, 120_000);

  it('prints a report: no navigation, every table shown, dark text on paper even in the dark theme', async () => {
    const page = ctx.page;
    await open(page, SARA, 'dark');
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.getByRole('tablist', { name: 'Sezioni di óiBO' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Stampa il report' }).isVisible()).toBe(false);
      expect(
        await page
          .getByRole('button', { name: /^Scarica CSV/ })
          .first()
          .isVisible(),
      ).toBe(false);
      expect(
        await page
          .getByRole('figure', { name: /^Grafico: / })
          .first()
          .isVisible(),
      ).toBe(false);
      const tables = await page.getByRole('table').all();
      expect(tables.length).toBeGreaterThanOrEqual(4);
      for (const table of tables) expect(await table.isVisible()).toBe(true);
      // The report prints in the light theme: near-black text.
      // (Strings: the browser's DOM types are not this project's.)
      const [color, paper] = await page.evaluate<[string, string]>(`(() => {
        const heading = [...document.querySelectorAll('h2')].find(
          (h) => h.textContent === 'Panoramica del programma',
        );
        return [
          getComputedStyle(heading).color,
          getComputedStyle(heading.closest('.fui-FluentProvider')).backgroundColor,
        ];
      })()`);
      const [r = 255, g = 255, b = 255] = (color.match(/\d+/g) ?? []).map(Number);
      expect(Math.max(r, g, b)).toBeLessThan(100);
      expect(paper).toBe('rgb(255, 255, 255)');
      // Nothing of the report reaches past an A4 page's width.
      await page.setViewportSize({ width: 794, height: 1123 });
      const wider = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(wider).toBeLessThanOrEqual(794);
      await screenshot(page, 'overview-print');
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.length).toBeGreaterThan(0);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(WIDE);
    }
  }, 120_000);

  it('is not offered to an employee, whom the server refuses', async () => {
    const page = ctx.page;
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${GIULIA.objectId}`);
    await page.getByRole('tablist', { name: 'Sezioni di óiBO' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab', { name: 'Panoramica' }).count()).toBe(0);
    const response = await fetch(`${ctx.app.botUrl}/api/v1/overview`, {
      headers: { 'x-oibo-demo-user': GIULIA.objectId },
    });
    expect(response.status).toBe(403);
  }, 60_000);
});
