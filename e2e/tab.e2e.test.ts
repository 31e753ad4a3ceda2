import { generateDemoDirectory } from '../core/directory/demo-directory';
import users from '../content/demo/playground-users.json';
import { screenshot } from './browser';
import { appInBrowser, appStore } from './harness';
import { submitAssessment } from '../test/assessment';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const [GIULIA, , SARA] = [users[0]!, users[1]!, users[2]!]; // employee; facilitator and admin

describe('the óiBO tab in a browser (demo identities)', () => {
  const ctx = appInBrowser({ width: 1280, height: 900 });
  const backend = appStore(ctx);
  /** The unit of 6 published answers, as "Area > Settore". */
  let shownUnit = '';

  const submit = (person: { objectId?: string; orgUnitPath: string[] }, value: 1 | 2 | 3 | 4 | 5) =>
    submitAssessment(backend.services, person, value);

  beforeAll(async () => {
    const people = generateDemoDirectory().filter((p) => p.objectId !== GIULIA.objectId);
    const units = [...new Set(people.map((p) => p.orgUnitPath.join(' > ')))];
    const inUnit = (name: string) => people.filter((p) => p.orgUnitPath.join(' > ') === name);
    const large = units.filter((unit) => inUnit(unit).length >= 6);
    shownUnit = large[0]!;
    for (const p of inUnit(shownUnit).slice(0, 6)) await submit(p, 4);
    for (const p of inUnit(large[1]!).slice(0, 2)) await submit(p, 2);
    for (const p of inUnit(large[2]!).slice(0, 5)) await submit(p, 5);
    await submit(GIULIA, 3);
    // Published now rather than at the app's next round: the units of 6 and 5 are shown.
    await backend.services.publisher.publishAll();
  }, 120_000);

  const open = async (user: { objectId: string }, theme: 'light' | 'dark') => {
    const started = Date.now();
    await ctx.page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${user.objectId}&theme=${theme}`);
    await ctx.page.getByRole('tablist', { name: 'Sezioni di óiBO' }).waitFor({ timeout: 30_000 });
    return Date.now() - started;
  };

  it("shows an employee's own result, the same as the bot's result card", async () => {
    await open(GIULIA, 'light');
    expect(await ctx.page.getByRole('tab', { name: 'Cruscotto' }).count()).toBe(0);
    await ctx.page.getByRole('heading', { name: 'I tuoi risultati' }).waitFor();
    const chart = await ctx.page
      .getByRole('img', { name: /^Punteggi per dimensione/ })
      .getAttribute('aria-label');
    const view = await backend.services.assessment.result(GIULIA.objectId);
    if (view?.kind !== 'result') throw new Error('no result for the demo employee');
    for (const d of view.result.dimensions) {
      const name = backend.services.questionnaire.dimensions.find((x) => x.id === d.dimension)!
        .name['it-IT'];
      expect(chart).toContain(`${name} ${String(d.score).replace('.', ',')}`);
    }
    await screenshot(ctx.page, 'tab-my-results-light');
    await open(GIULIA, 'dark');
    await ctx.page.getByRole('heading', { name: 'I tuoi risultati' }).waitFor();
    await screenshot(ctx.page, 'tab-my-results-dark');
  }, 60_000);

  it('shows an admin the published heat map, and when it was published', async () => {
    await open(SARA, 'light');
    await ctx.page.getByRole('tab', { name: 'Cruscotto' }).click();
    const table = ctx.page.getByRole('table', { name: /^Punteggio medio \(da 0 a 100\)/ });
    await table.waitFor({ timeout: 15_000 });
    // 6 + 5 published; the 2 of another unit, and Giulia's (the seventh in hers), wait for k.
    await ctx.page.getByText('Partecipanti in totale: 11').waitFor();
    await ctx.page.getByText(/^Dati pubblicati il .*almeno 5 nuove risposte/).waitFor();
    await screenshot(ctx.page, 'tab-dashboard-light');
    await open(SARA, 'dark');
    await ctx.page.getByRole('tab', { name: 'Cruscotto' }).click();
    await ctx.page
      .getByRole('table', { name: /^Punteggio medio \(da 0 a 100\)/ })
      .waitFor({ timeout: 15_000 });
    await screenshot(ctx.page, 'tab-dashboard-dark');
  }, 60_000);

  it('lets an admin open an area into its settori with the keyboard, and go back up', async () => {
    const [area, settore] = shownUnit.split(' > ');
    await open(SARA, 'light');
    await ctx.page.getByRole('tab', { name: 'Cruscotto' }).click();
    await ctx.page
      .getByText('Rilevazione in corso: i dati compaiono quando almeno 5 persone di una struttura')
      .waitFor({ timeout: 15_000 });
    const opener = ctx.page.getByRole('button', { name: `${area}: mostra le strutture interne` });
    await opener.focus();
    await ctx.page.keyboard.press('Enter');
    const levels = ctx.page.getByRole('navigation', { name: 'Livelli della struttura' });
    await levels.waitFor({ timeout: 15_000 });
    const row = ctx.page.getByRole('row', { name: new RegExp(`^${escapeRegExp(settore!)}`) });
    // 6 answered, out of the people the directory lists there when it knows them.
    expect(await row.getByRole('cell').first().textContent()).toMatch(/^6(su \d+ \(\d+%\))?$/);
    await screenshot(ctx.page, 'tab-dashboard-drilled');
    await levels.getByRole('button', { name: "tutta l'organizzazione" }).click();
    await opener.waitFor({ timeout: 15_000 });
  }, 60_000);

  it('shows an admin the Campaigns screen: start one for a department, follow it to its end', async () => {
    const department = 'Area Servizi Demografici';
    const page = ctx.page;
    await open(SARA, 'light');
    await page.getByRole('tab', { name: 'Campagne' }).click();
    await page.getByRole('heading', { name: 'Nuova campagna' }).waitFor({ timeout: 15_000 });

    await page.getByRole('radio', { name: 'Alcune aree' }).check();
    await page.getByRole('combobox', { name: /^Aree/ }).click();
    await page.getByRole('menuitemcheckbox', { name: department }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Avvia campagna' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Avviare la campagna?' });
    expect(await dialog.textContent()).toContain(`Destinatari: Aree: ${department}`);
    // The numbers before confirming; in the demo nobody has a chat with the bot yet.
    const people = (await backend.services.people.inBuckets(['b00', 'bff'])).filter(
      (p) => p.orgUnitPath[0] === department,
    ).length;
    const numbers = dialog.getByRole('table', { name: "Chi riceverà l'invito" });
    for (const [row, value] of [
      ['Persone scelte', people],
      ["Riceveranno l'invito", 0],
      ['Escluse: hanno già completato il questionario', 0],
      ["Non raggiungibili: l'app non è installata per loro", people],
    ] as const) {
      const shown = numbers.getByRole('row', { name: new RegExp(`^${row}`) });
      await shown.waitFor({ timeout: 15_000 });
      expect(await shown.textContent()).toBe(`${row}${value}`);
    }
    await dialog.getByRole('button', { name: 'Avvia', exact: true }).click();
    await page.getByText(`Campagna avviata: Aree: ${department}.`).waitFor();

    // In the demo nobody has a chat with the bot: everyone is unreachable, and it ends in seconds.
    const detail = page.getByRole('region', { name: /^Invito al questionario del/ });
    await detail.getByText('Conclusa', { exact: true }).waitFor({ timeout: 60_000 });
    const [latest] = await backend.services.campaigns.list();
    expect(latest?.audience).toEqual({ kind: 'departments', departments: [department] });
    const { counts } = await backend.services.campaigns.status(latest!.id);
    expect(counts.total).toBeGreaterThan(0);
    const counted = detail.getByRole('table', { name: 'Destinatari per esito' });
    for (const [outcome, value] of [
      ['Totale', counts.total],
      ['Non raggiungibili', counts.unreachable],
    ] as const) {
      const row = counted.getByRole('row', { name: new RegExp(`^${outcome}`) });
      expect(await row.textContent()).toBe(`${outcome}${value}`);
    }
    const bar = detail.getByRole('progressbar', { name: "Avanzamento dell'invio" });
    expect(await bar.getAttribute('aria-valuenow')).toBe('1');
    expect(await detail.getByRole('button', { name: 'Annulla campagna' }).isDisabled()).toBe(true);
    await detail
      .getByRole('button', {
        name: `Scarica l'elenco delle persone non raggiungibili (${counts.unreachable})`,
      })
      .waitFor();
    await screenshot(page, 'tab-campaigns-light');
  }, 90_000);
});
