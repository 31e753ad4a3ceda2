import users from '../content/demo/playground-users.json';
import { screenshot } from './browser';
import { appInBrowser, appStore } from './harness';

const [GIULIA, , SARA] = [users[0]!, users[1]!, users[2]!]; // employee; facilitator and admin

describe('"Il mio percorso" and the roster in a browser', () => {
  const ctx = appInBrowser({ width: 1280, height: 900 });
  const backend = appStore(ctx);

  const open = async (user: { objectId: string }) => {
    await ctx.page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${user.objectId}`);
    await ctx.page.getByRole('tablist', { name: 'Sezioni di óiBO' }).waitFor({ timeout: 30_000 });
  };

  it('shows the path to a facilitator only, and marks a module done', async () => {
    await open(GIULIA);
    expect(await ctx.page.getByRole('tab', { name: 'Il mio percorso' }).count()).toBe(0);

    // The demo data put Sara, a facilitator in the directory, on the roster.
    expect(await backend.services.facilitators.find(SARA.objectId)).toBeDefined();
    await open(SARA);
    await ctx.page.getByRole('tab', { name: 'Il mio percorso' }).click();
    const panel = ctx.page.getByRole('tabpanel', { name: 'Il mio percorso' });
    await panel.getByText("Ore di formazione svolte quest'anno: 0 su 40").waitFor();
    await panel.getByRole('heading', { name: /^Prossimo modulo: / }).waitFor();
    const table = panel.getByRole('table', { name: 'Moduli del percorso' });
    expect(await table.getByRole('row').count()).toBeGreaterThan(4);
    await screenshot(ctx.page, 'training-path');

    const form = panel.getByRole('form', { name: 'Segna un modulo come svolto' });
    await form.getByLabel('Modulo').selectOption({ label: 'Sicurezza informatica di base' });
    await form.getByLabel('Ore (da 0,5 a 40)').fill('2.5');
    await form.getByRole('button', { name: 'Segna come svolto' }).click();
    await panel.getByText("Ore di formazione svolte quest'anno: 2,5 su 40").waitFor();
    const row = table.getByRole('row', { name: /Sicurezza informatica di base/ });
    await row.getByText(/^Svolto il /).waitFor();
    expect(
      (await backend.services.training.recordsOf(SARA.objectId)).map((r) => r.moduleId),
    ).toEqual(['sicurezza-informatica']);
  }, 60_000);

  it("shows the programme team the roster's hours, never the modules", async () => {
    await open(SARA);
    await ctx.page.getByRole('tab', { name: 'Facilitatori', exact: true }).click();
    const panel = ctx.page.getByRole('tabpanel', { name: 'Facilitatori', exact: true });
    const table = panel.getByRole('table', { name: 'Formazione di facilitatrici e facilitatori' });
    const row = table.getByRole('row', { name: /Sara Conti/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('2,5 / 40');
    expect(await panel.getByText('Sicurezza informatica di base').count()).toBe(0);
    await screenshot(ctx.page, 'facilitator-roster');
  }, 60_000);
});
