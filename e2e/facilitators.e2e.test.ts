import users from '../content/demo/playground-users.json';
import { generateDemoDirectory } from '../core/directory/demo-directory';
import { submitAssessment } from '../test/assessment';
import { screenshot } from './browser';
import { appInBrowser, appStore } from './harness';
import { expectNoSidewaysScroll, recordSidewaysScroll } from './sideways';

const [GIULIA, , SARA] = [users[0]!, users[1]!, users[2]!]; // employee; facilitator and admin
const REASON = 'Ha chiesto di rimandare: riorganizzazione del servizio in corso';

describe('the Facilitatori screen in a browser (demo identities)', () => {
  const ctx = appInBrowser({ width: 1280, height: 900 });
  const backend = appStore(ctx);
  /** Who consented with the best scores: four in one department, two in another. */
  let consenting: { objectId: string; displayName: string; orgUnitPath: string[] }[] = [];

  beforeAll(async () => {
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
    for (const p of consenting) await submitAssessment(backend.services, p, 5);
  }, 120_000);

  it('walks an admin from a new round to its invitation, with a removal in the audit log', async () => {
    const page = ctx.page;
    await recordSidewaysScroll(page);
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${SARA.objectId}`);
    await page.getByRole('tab', { name: 'Facilitatori', exact: true }).click({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Nuovo turno di selezione' }).waitFor();
    await page.getByRole('button', { name: 'Crea il turno' }).click();

    const shortlist = page.getByRole('table', { name: /^Persone candidate: \d+ su \d+$/ });
    await shortlist.waitFor({ timeout: 15_000 });
    const round = (await backend.services.facilitatorRounds.list())[0]!;
    const view = await backend.services.facilitatorRounds.view(round.id);
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
    const proposed = (await backend.services.facilitatorRounds.view(round.id)).candidates.filter(
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
    const invited = (await backend.services.facilitatorRounds.list())[0]!;
    expect(invited.invitationCampaignId).not.toBeNull();
    expect(await page.getByRole('button', { name: /^Escludi / }).count()).toBe(0);
    await screenshot(page, 'facilitators-invited-1280');

    await expectNoSidewaysScroll(page, 'facilitators-invited', bar);
  }, 180_000);
});
