import users from '../content/demo/playground-users.json';
import { ContestsRepository } from '../core/contests/contests.repository';
import { logoPng } from '../test/images';
import { screenshot } from './browser';
import { appInBrowser, appStore } from './harness';

const [GIULIA, MARCO, SARA] = [users[0]!, users[1]!, users[2]!]; // employee, manager, admin
const HOUR = 3_600_000;

describe('"Concorso logo" in a browser: enter, then vote', () => {
  const ctx = appInBrowser({ width: 1280, height: 900 });
  const backend = appStore(ctx);
  let contests: ContestsRepository;

  beforeAll(async () => {
    contests = new ContestsRepository(backend.store);
  }, 120_000);

  const open = async (user: { objectId: string }) => {
    await ctx.page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${user.objectId}`);
    await ctx.page.getByRole('tab', { name: 'Concorso logo' }).click();
    return ctx.page.getByRole('tabpanel', { name: 'Concorso logo' });
  };

  it('lets an employee send an entry with its image, and a colleague vote for it', async () => {
    const now = Date.now();
    const contest = await backend.services.contests.create(
      {
        title: 'Il logo di óiBO',
        description: 'Disegna il logo del programma.',
        rules: 'Immagini originali, PNG o JPEG.',
        entriesOpenAt: new Date(now - HOUR).toISOString(),
        entriesCloseAt: new Date(now + HOUR).toISOString(),
        votingOpenAt: new Date(now + HOUR).toISOString(),
        votingCloseAt: new Date(now + 2 * HOUR).toISOString(),
        maxEntriesPerPerson: 2,
      },
      SARA.objectId,
    );

    let panel = await open(GIULIA);
    await panel.getByText('Le proposte sono aperte: invia la tua.').waitFor();
    const form = panel.getByRole('form', { name: 'Invia una proposta' });
    await form.getByLabel(/Immagine/).setInputFiles({
      name: 'onde.png',
      mimeType: 'image/png',
      buffer: await logoPng(),
    });
    await form.getByRole('textbox', { name: /Titolo/ }).fill('Onde');
    await form.getByRole('textbox', { name: /Breve descrizione/ }).fill('Il mare di Bologna');
    await panel.getByRole('img', { name: 'Anteprima della proposta: Onde' }).waitFor();
    await form.getByRole('button', { name: 'Invia la proposta' }).click();
    await panel.getByText(/^Proposta inviata/).waitFor();
    const region = panel.getByRole('region', { name: 'Le tue proposte' });
    await region.getByRole('img', { name: 'Onde' }).waitFor();
    // The thumbnail came through the API with the caller's token, shown from a blob: URL.
    const thumbnail = region.locator('img[alt="Onde"][src^="blob:"]');
    await thumbnail.waitFor();
    await ctx.page.waitForFunction(
      (img) => {
        const image = img as { complete: boolean; naturalWidth: number } | null;
        return !!image && image.complete && image.naturalWidth > 0;
      },
      await thumbnail.elementHandle(),
    );
    await screenshot(ctx.page, 'contest-entry');

    // Entries close and voting opens.
    await contests.modify(contest.id, (c) =>
      c ? { ...c, entriesCloseAt: new Date(now), votingOpenAt: new Date(now) } : undefined,
    );

    panel = await open(MARCO);
    const gallery = panel.getByRole('region', { name: 'Le proposte' });
    await gallery.getByRole('img', { name: 'Onde' }).waitFor();
    expect(await gallery.textContent()).not.toContain('Giulia');
    await gallery.getByRole('button', { name: 'Vota «Onde»' }).click();
    await gallery.getByRole('button', { name: 'Hai votato «Onde»', pressed: true }).waitFor();
    await screenshot(ctx.page, 'contest-vote');
    const [entry] = await backend.services.contests.entries(contest.id, {
      objectId: MARCO.objectId,
      moderator: false,
    });
    expect((await backend.services.contests.voteOf(contest.id, MARCO.objectId))?.entryId).toBe(
      entry!.id,
    );
  }, 90_000);
});
