import users from '../content/demo/playground-users.json';
import { runAdmin } from '../server/admin';
import { screenshot } from './browser';
import { appInBrowser, CARD, card as cardIn, COMPOSE, say as sayIn } from './harness';

describe('óiBO in the Agents Playground', () => {
  const ctx = appInBrowser();
  const say = (text: string) => sayIn(ctx.page, text);
  const card = (text: string | RegExp) => cardIn(ctx.page, text);

  it('greets the demo employee with the welcome card on install', async () => {
    await ctx.page.goto(ctx.app.playgroundUrl, { waitUntil: 'domcontentloaded' });
    await ctx.page.locator(COMPOSE).waitFor({ timeout: 60_000 });
    const welcome = card('Ciao Giulia, ti diamo il benvenuto in óiBO!');
    await welcome.waitFor({ timeout: 30_000 });
    expect(await welcome.innerText()).toContain('La tua privacy');
    await screenshot(ctx.page, 'playground-welcome');
  }, 120_000);

  it('answers aiuto with the command list', async () => {
    await say('aiuto');
    const help = card('Mostra questo elenco di comandi');
    await help.waitFor({ timeout: 15_000 });
    expect(await help.innerText()).toContain('questionario');
    await screenshot(ctx.page, 'playground-help');
  }, 30_000);

  it('answers unknown text with a hint', async () => {
    await say('a che ora apre la mensa?');
    await card('Non ho capito').waitFor({ timeout: 15_000 });
  }, 30_000);

  it("opens help from the welcome card's button", async () => {
    const helpCards = ctx.page.locator(CARD).filter({ hasText: 'Mostra questo elenco di comandi' });
    const before = await helpCards.count();
    await card('ti diamo il benvenuto').getByRole('button', { name: 'Cosa posso fare' }).click();
    await helpCards.nth(before).waitFor({ timeout: 15_000 });
  }, 30_000);

  it('delivers a campaign started from the admin CLI into the chat, and its button opens the questionnaire', async () => {
    const admin = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      // The CLI joins the running app's embedded store; the app's engine sends.
      const env = { DATA_DIR: ctx.app.dataDir, LOG_LEVEL: 'silent' };
      const code = await runAdmin(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
      return { code, out, err };
    };
    const department = users[0]!.orgUnitPath[0]!;
    const started = await admin('campaign', 'start', 'assessment', '--department', department);
    expect(started).toMatchObject({ code: 0, err: [] });
    const id = /Started campaign (\S+)\./.exec(started.out[0]!)![1]!;

    const invitation = card('tocca a te');
    await invitation.waitFor({ timeout: 30_000 });
    await screenshot(ctx.page, 'playground-campaign-invitation');
    await invitation.getByRole('button', { name: 'Inizia il questionario' }).click();
    await card('Prima di iniziare').waitFor({ timeout: 15_000 });

    for (;;) {
      const status = await admin('campaign', 'status', id);
      if (status.out[0]!.includes('completed')) {
        // Giulia has a chat with the bot; her colleagues never opened the app.
        expect(status.out[2]).toMatch(
          /^sent 1 · pending 0 · failed 0 · blocked 0 · unreachable \d+ · already completed 0$/,
        );
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }, 90_000);

  it('serves the tab shell', async () => {
    const tab = await ctx.browser.newPage();
    await tab.goto(`${ctx.app.botUrl}/tab/`);
    await tab.getByRole('heading', { name: 'óiBO' }).waitFor();
    await screenshot(tab, 'tab-shell');
    await tab.close();
  }, 30_000);
});
