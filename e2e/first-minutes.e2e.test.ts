import users from '../content/demo/playground-users.json';
import { screenshot } from './browser';
import { appInBrowser, appStore } from './harness';
import { recordSidewaysScroll, sidewaysMoments } from './sideways';

const [, MARCO, , , , PAOLO] = users.map((u) => u); // a manager; a manager of the programme team
const AREA = MARCO!.orgUnitPath[0]!;
const DEPARTMENT = 'Area Servizi Demografici';
/** The campaign's audience: three areas, a long name among them. */
const AREAS = [
  DEPARTMENT,
  'Area Welfare e Promozione del Benessere',
  'Area Mobilità Sostenibile e Infrastrutture',
];
const WIDE = { width: 1280, height: 900 };
/** Teams on a phone. */
const NARROW = { width: 420, height: 860 };

describe("the manager's and the programme team's first minutes in the tab", () => {
  const ctx = appInBrowser(WIDE);
  const backend = appStore(ctx);

  beforeAll(async () => {
    await recordSidewaysScroll(ctx.page);
  }, 60_000);

  const open = async (user: { objectId: string }, tab: 'Cruscotto' | 'Campagne') => {
    await ctx.page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${user.objectId}`);
    await ctx.page.getByRole('tab', { name: tab }).click({ timeout: 30_000 });
  };
  /** People the directory lists in a unit (and below it). */
  const headcount = async (path: string[]) =>
    (await backend.services.people.inBuckets(['b00', 'bff'])).filter((p) =>
      path.every((segment, i) => p.orgUnitPath[i] === segment),
    ).length;

  it('a manager opens on a round with data, reads participation, compares and follows the trend', async () => {
    const page = ctx.page;
    await page.setViewportSize(WIDE);
    await open(MARCO!, 'Cruscotto');
    await page.getByRole('heading', { name: 'Profilo digitale per struttura' }).waitFor();
    const table = page.getByRole('table', { name: /^Punteggio medio \(da 0 a 100\)/ });
    await table.waitFor({ timeout: 20_000 });
    // The running round has no answers yet: the screen opens on the newest round with data.
    await page.getByText('La rilevazione in corso non mostra ancora dati').waitFor();
    const round = page.getByRole('combobox', { name: 'Rilevazione' });
    expect(await round.inputValue()).toMatch(/-demo-2$/);

    // Participation: the area's published answers over the people the directory lists there.
    const area = table.getByRole('row', { name: new RegExp(`^${AREA} nel complesso`) });
    const participants = (await area.getByRole('cell').first().textContent()) ?? '';
    const [, answered, people, percent] = /^(\d+)su (\d+) \((\d+)%\)$/.exec(participants) ?? [];
    expect(Number(people)).toBe(await headcount([AREA]));
    expect(Number(percent)).toBe(Math.round((100 * Number(answered)) / Number(people)));
    // A manager sees their own subtree only: their area is the row to compare with, not the organisation.
    expect(await table.getByRole('row', { name: /^Tutta l'organizzazione/ }).count()).toBe(0);
    expect(await table.getByText(/^B \d+% · I \d+% · A \d+%$/).count()).toBeGreaterThan(0);
    await screenshot(page, 'first-minutes-manager-1280');

    // Compared with the oldest round: differences with a direction, and why one is missing.
    await page.getByRole('combobox', { name: 'Confronta con' }).selectOption({ index: 2 });
    await table
      .getByRole('img', { name: /Punteggio più (alto|basso) di .* rispetto a «|Stesso punteggio/ })
      .first()
      .waitFor({ timeout: 20_000 });
    expect(await table.getByText(/^[↑↓=] /).count()).toBeGreaterThan(0);
    // The oldest demo round did not ask the questionnaire's last dimension.
    expect(await table.getByText(/^Dimensione non rilevata in «/).count()).toBeGreaterThan(0);
    expect(await table.getByText('Nessun dato da confrontare').count()).toBe(0);

    const trend = page.getByRole('table', { name: /^Punteggio medio di .* in ogni rilevazione/ });
    await trend.waitFor({ timeout: 20_000 });
    expect(await trend.getByRole('row').count()).toBe(1 + 2); // the two rounds with results
    expect(await trend.getByText('Non rilevata', { exact: true }).count()).toBe(1);

    await page.setViewportSize(NARROW);
    await area.waitFor();
    expect(await sidewaysMoments(page)).toEqual([]);
    await screenshot(page, 'first-minutes-manager-420');
  }, 120_000);

  it('the programme team drills down, starts a campaign seeing its numbers first, and follows it to its end', async () => {
    const page = ctx.page;
    await page.setViewportSize(WIDE);
    await open(PAOLO!, 'Cruscotto');
    const table = page.getByRole('table', { name: /^Punteggio medio \(da 0 a 100\)/ });
    await table.waitFor({ timeout: 20_000 });
    await table.getByRole('button', { name: `${DEPARTMENT}: mostra le strutture interne` }).click();
    await page.getByRole('navigation', { name: 'Livelli della struttura' }).waitFor();
    await table.getByRole('row', { name: new RegExp(`^${DEPARTMENT} nel complesso`) }).waitFor();
    await page
      .getByRole('table', { name: new RegExp(`^Punteggio medio di ${DEPARTMENT}`) })
      .waitFor();
    await screenshot(page, 'first-minutes-team-drilled-1280');

    await page.getByRole('tab', { name: 'Campagne' }).click();
    await page.getByRole('heading', { name: 'Nuova campagna' }).waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: 'Alcune aree' }).check();
    await page.getByRole('combobox', { name: /^Aree/ }).click();
    for (const name of AREAS) await page.getByRole('menuitemcheckbox', { name }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Avvia campagna' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Avviare la campagna?' });
    const chosen = dialog.getByRole('row', { name: /^Persone scelte/ });
    await chosen.waitFor({ timeout: 15_000 });
    let people = 0;
    for (const name of AREAS) people += await headcount([name]);
    expect(await chosen.textContent()).toBe(`Persone scelte${people}`);
    await dialog.getByRole('button', { name: 'Avvia', exact: true }).click();

    // Watched to its end: the bar never goes back, never claims more than its audience, and
    // the list changes the campaign's state by itself.
    const detail = page.getByRole('region', { name: /^Invito al questionario del/ });
    const bar = detail.getByRole('progressbar', { name: "Avanzamento dell'invio" });
    const list = page.getByRole('table', { name: 'Campagne, dalla più recente' });
    const newest = list.getByRole('row').nth(1);
    const seen: number[] = [];
    for (let i = 0; i < 120; i++) {
      const value = await bar.getAttribute('aria-valuenow').catch(() => null);
      const described = await detail
        .getByText(/su \d+ tra le persone destinatarie/)
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => null);
      if (value !== null) seen.push(Number(value));
      const settled = /(\d+) su (\d+) tra le persone destinatarie/.exec(described ?? '');
      if (settled) expect(Number(settled[1])).toBeLessThanOrEqual(Number(settled[2]));
      if ((await newest.textContent())?.includes('Conclusa')) break;
      await page.waitForTimeout(500);
    }
    expect(await newest.textContent()).toContain('Conclusa');
    await detail.getByText('Conclusa', { exact: true }).waitFor({ timeout: 10_000 });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await bar.getAttribute('aria-valuenow')).toBe('1');
    // Nobody has a chat with the bot in the demo: nobody reached, no completions to speak of.
    expect(await detail.getByText(/Hanno completato il questionario/).count()).toBe(0);
    // The list gives the state its width and the audience room: no clipped badge, no tall row.
    const [state, badge, audience] = await Promise.all([
      newest.getByRole('cell').nth(2).boundingBox(),
      newest.locator('.fui-Badge').boundingBox(),
      newest.getByRole('cell').nth(1).boundingBox(),
    ]);
    expect(badge!.x + badge!.width).toBeLessThanOrEqual(state!.x + state!.width);
    expect(
      await newest
        .locator('.fui-Badge')
        .evaluate(
          (el: { scrollHeight: number; clientHeight: number }) =>
            el.scrollHeight <= el.clientHeight,
        ),
    ).toBe(true);
    expect(audience!.height).toBeLessThan(64);
    expect(await newest.getByRole('cell').nth(1).textContent()).toBe(
      `Aree: ${DEPARTMENT} e 2 in più`,
    );
    await screenshot(page, 'first-minutes-team-campaign-1280');

    await page.setViewportSize(NARROW);
    await newest.waitFor();
    expect(await sidewaysMoments(page)).toEqual([]);
    await screenshot(page, 'first-minutes-team-campaign-420');
    await page.getByRole('tab', { name: 'Cruscotto' }).click();
    await table.waitFor({ timeout: 20_000 });
    expect(await sidewaysMoments(page)).toEqual([]);
    await screenshot(page, 'first-minutes-team-dashboard-420');
  }, 180_000);
});
