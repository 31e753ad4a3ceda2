import users from '../content/demo/playground-users.json';
import { generateDemoDirectory } from '../core/directory/demo-directory';
import { TableStore } from '../core/store/table-store';
import { createServices, type Services } from '../server/app';
import { openEmbeddedStore, type AzuriteHandle } from '../server/azurite';
import { loadConfig } from '../server/config';
import { submitAssessment } from '../test/assessment';
import { screenshot } from './browser';
import { appInBrowser } from './harness';
import { recordSidewaysScroll, sidewaysMoments } from './sideways';

const [GIULIA, , SARA] = [users[0]!, users[1]!, users[2]!]; // employee; facilitator and admin
const NARROW = { width: 420, height: 860 };
const REASON = 'Ha chiesto di rimandare: riorganizzazione del servizio in corso';

describe('the Facilitatori screen in a browser (demo identities)', () => {
  const ctx = appInBrowser({ width: 1280, height: 900 });
  let azurite: AzuriteHandle;
  let services: Services;
  /** Who consented with the best scores: four in one department, two in another. */
  let consenting: { objectId: string; displayName: string; orgUnitPath: string[] }[] = [];

  beforeAll(async () => {
    azurite = await openEmbeddedStore(ctx.app.dataDir);
    const store = new TableStore({
      kind: 'connectionString',
      connectionString: azurite.connectionString,
    });
    services = createServices(store, loadConfig({}));
    const people = generateDemoDirectory().filter((p) => p.objectId !== GIULIA.objectId);
    const departments = [...new Set(people.map((p) => p.orgUnitPath[0]!))];
    consenting = [
      ...people.filter((p) => p.orgUnitPath[0] === departments[0]).slice(0, 4),
      ...people.filter((p) => p.orgUnitPath[0] === departments[1]).slice(0, 2),
    ].map((p) => ({
      objectId: p.objectId!,
      displayName: p.displayName,
      orgUnitPath: p.orgUnitPath,
    }));
    // Every item at 5, consent included: all scores 100, every one of them a candidate.
    for (const p of consenting) await submitAssessment(services, p, 5);
  }, 120_000);
  afterAll(() => azurite?.stop());

  it('walks an admin from a new round to its invitation, with a removal in the audit log', async () => {
    const page = ctx.page;
    await recordSidewaysScroll(page);
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${SARA.objectId}`);
    await page.getByRole('tab', { name: 'Facilitatori', exact: true }).click({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Nuovo turno di selezione' }).waitFor();
    await page.getByRole('button', { name: 'Crea il turno' }).click();

    const shortlist = page.getByRole('table', { name: /^Persone candidate: \d+ su \d+$/ });
    await shortlist.waitFor({ timeout: 15_000 });
    const round = (await services.facilitatorRounds.list())[0]!;
    const view = await services.facilitatorRounds.view(round.id);
    expect(view.candidates.length).toBeGreaterThanOrEqual(consenting.length);
    const coverage = page.getByRole('table', {
      name: 'Copertura per area: persone, obiettivo e persone candidate',
    });
    await coverage.waitFor();
    expect(await coverage.getByRole('row').count()).toBe(view.coverage.length + 1);
    await screenshot(page, 'facilitators-round-1280');

    // Removed by hand, with a reason: the row says so, and so does the audit log.
    const removed = consenting[0]!;
    await shortlist.getByRole('button', { name: `Escludi ${removed.displayName}` }).click();
    const dialog = page.getByRole('dialog', {
      name: `Escludere ${removed.displayName} dalle persone candidate?`,
    });
    await dialog.getByRole('textbox', { name: /^Motivo/ }).fill(REASON);
    await dialog.getByRole('button', { name: 'Escludi', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = shortlist.getByRole('row', { name: new RegExp(`^${removed.displayName}`) });
    await row.getByText('Esclusione a mano').waitFor();
    const log = page.getByRole('table', { name: 'Operazioni, dalla più recente' });
    const entry = log.getByRole('row').filter({ hasText: REASON });
    await entry.waitFor({ timeout: 15_000 });
    expect(await entry.textContent()).toContain('Esclusione a mano dalle persone candidate');
    expect(await entry.textContent()).toContain(removed.objectId);

    // The invitation says how many, then its progress (nobody has the bot in the demo).
    const proposed = (await services.facilitatorRounds.view(round.id)).candidates.filter(
      (c) => c.status === 'proposed',
    ).length;
    await page.getByRole('button', { name: 'Invita', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Inviare gli inviti?' });
    expect(await confirm.textContent()).toContain(`Persone che riceveranno l'invito: ${proposed}.`);
    await confirm.getByRole('button', { name: 'Invia gli inviti' }).click();
    const bar = page.getByRole('progressbar', { name: "Avanzamento dell'invio" });
    await bar.waitFor({ timeout: 30_000 });
    // Nobody has a chat with the bot in the demo: everyone is unreachable, and it ends at once.
    await page.locator('[role="progressbar"][aria-valuenow="1"]').waitFor({ timeout: 60_000 });
    const invited = (await services.facilitatorRounds.list())[0]!;
    expect(invited.invitationCampaignId).not.toBeNull();
    expect(await page.getByRole('button', { name: /^Escludi / }).count()).toBe(0);
    await screenshot(page, 'facilitators-invited-1280');

    await page.setViewportSize(NARROW);
    await bar.waitFor();
    const sideways = await sidewaysMoments(page);
    await screenshot(page, 'facilitators-invited-420');
    expect(sideways).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 180_000);
});
