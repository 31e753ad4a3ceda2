import type { Page } from 'playwright-core';
import users from '../content/demo/playground-users.json';
import type { IdeaDetail } from '../tab/api/contract';
import { screenshot, WIDE } from './browser';
import { appInBrowser, demoApi } from './harness';
import { expectNoSidewaysScroll, recordSidewaysScroll } from './sideways';

const [GIULIA, MARCO, SARA] = [users[0]!, users[1]!, users[2]!]; // employee, employee, admin
const EXISTING = 'Iscrizione ai nidi online';
const NEW_TITLE = 'Nidi: iscrizione senza carta';
const AMENDED =
  'Un modulo online con SPID, collegato al gestionale dei nidi, con la ricevuta via e-mail.';

describe('«Idee» in a browser (demo identities)', () => {
  const ctx = appInBrowser(WIDE);

  const ideaOf = (id: string) => demoApi<IdeaDetail>(ctx, SARA, `/api/v1/ideas/${id}`);

  /** Opens «Idee» as `user`, with the sideways recorder on. */
  const open = async (page: Page, user: { objectId: string }) => {
    await page.goto(`${ctx.app.botUrl}/tab/?lang=it-IT&user=${user.objectId}`);
    await page.getByRole('tab', { name: 'Idee' }).click({ timeout: 30_000 });
  };

  let existing = '';

  beforeAll(async () => {
    // The demo data opens a call; a store without it gets one here.
    const { current } = await demoApi<{ current: string | null }>(ctx, SARA, '/api/v1/idea-calls');
    if (!current) {
      const year = new Date().getUTCFullYear();
      await demoApi(ctx, SARA, '/api/v1/idea-calls', {
        title: 'Call4Ideas',
        question: 'Quali procedimenti hanno più bisogno di diventare digitali?',
        opensAt: `${year - 1}-01-01T00:00:00.000Z`,
        closesAt: `${year + 1}-01-01T00:00:00.000Z`,
      });
    }
    ({ id: existing } = await demoApi<{ id: string }>(ctx, MARCO, '/api/v1/ideas', {
      title: EXISTING,
      procedure: 'Iscrizione ai nidi d’infanzia',
      office: 'Settore Servizi per l’Infanzia',
      problem: 'Le domande di iscrizione ai nidi arrivano su carta e vanno ricopiate a mano.',
      proposal: 'Un modulo online collegato al gestionale dei nidi.',
      benefits: 'Le famiglie non fanno code, gli uffici non ricopiano.',
    }));
  }, 60_000);

  it('proposes an idea with the similar ones shown, then votes and amends the similar one', async () => {
    const page = ctx.page;
    await recordSidewaysScroll(page);
    await open(page, GIULIA);
    await page.getByRole('heading', { name: 'Call4Ideas' }).waitFor();
    await page.getByRole('button', { name: "Proponi un'idea" }).click();
    await page.getByText(/^Le idee sono firmate/).waitFor();

    await page.getByRole('textbox', { name: /^Titolo/ }).fill(NEW_TITLE);
    await page
      .getByRole('textbox', { name: /^Cosa non funziona oggi/ })
      .fill("L'iscrizione ai nidi si fa ancora su moduli di carta.");
    const similar = page.getByRole('region', { name: 'Idee simili già proposte' });
    await similar.getByRole('button', { name: EXISTING }).waitFor({ timeout: 15_000 });
    expect(await similar.textContent()).toContain(
      'Forse vuoi sostenere o migliorare una di queste:',
    );
    await page.getByRole('textbox', { name: /^Procedimento/ }).fill('Iscrizione ai nidi');
    await page.getByRole('textbox', { name: /^Ufficio/ }).fill('Servizi per l’Infanzia');
    await page.getByRole('textbox', { name: /^La soluzione/ }).fill('Un modulo online con SPID.');
    await page
      .getByRole('textbox', { name: /^Chi ne beneficia/ })
      .fill('Le famiglie, che non fanno code.');
    await page.getByRole('textbox', { name: /^Link utili/ }).fill('http://non-sicuro.example');
    await expectNoSidewaysScroll(page, 'ideas-propose');

    // The server refuses the link: the field says so, nothing is stored.
    await page.getByRole('button', { name: 'Invia la proposta' }).click();
    await page
      .getByText('Controlla i link: uno per riga, che inizi con https://, al massimo 5.')
      .waitFor();
    await page.getByRole('textbox', { name: /^Link utili/ }).fill('https://www.comune.bologna.it');
    await page.getByRole('button', { name: 'Invia la proposta' }).click();
    await page.getByRole('heading', { name: NEW_TITLE, level: 2 }).waitFor();
    await page.getByText(/^Proposta da Giulia Ferri il /).waitFor();
    await screenshot(page, 'ideas-new-1280');

    // Back to the list, to the similar idea: a vote, then an amendment.
    await page.getByRole('button', { name: "Torna all'elenco delle idee" }).click();
    await page.getByRole('button', { name: EXISTING }).click();
    const vote = page.getByRole('button', { name: 'Sostengo questa idea' });
    // The count changes at once; the server's answer then confirms it.
    const voted = page.waitForResponse((r) => r.url().endsWith(`/ideas/${existing}/vote`));
    await vote.click();
    await page.getByText('Voti: 1').waitFor();
    expect(await vote.getAttribute('aria-pressed')).toBe('true');
    expect(await (await voted).json()).toEqual({ votes: 1, voted: true });
    expect((await ideaOf(existing)).votes).toBe(1);

    const amendment = page.getByRole('textbox', {
      name: /^Nuovo testo di «La soluzione digitale proposta»/,
    });
    await amendment.fill(AMENDED);
    await page.getByRole('button', { name: 'Invia la proposta di modifica' }).click();
    await page.getByText(/^Proposta inviata/).waitFor();
    await expectNoSidewaysScroll(page, 'ideas-page');
  }, 180_000);

  it("lets the idea's author accept the amendment: the amender signs it, the history keeps both", async () => {
    const page = ctx.page;
    await open(page, MARCO);
    await page.getByRole('button', { name: EXISTING }).click();
    await page.getByRole('button', { name: 'Accogli la modifica di Giulia Ferri' }).click();
    const history = page.getByRole('region', { name: "Storia dell'idea" });
    await history.getByText('Marco Bianchi ha accolto una proposta di modifica').waitFor();
    expect(await history.textContent()).toContain(
      'Un modulo online collegato al gestionale dei nidi.',
    );
    await page.getByText(/^Proposta da Marco Bianchi e Giulia Ferri il /).waitFor();
    const stored = await ideaOf(existing);
    expect(stored.proposal).toBe(AMENDED);
    expect(stored.authors.map((a) => a.displayName)).toEqual(['Marco Bianchi', 'Giulia Ferri']);
  }, 120_000);

  it('lets the programme team merge the new idea into the similar one, and unmerge it', async () => {
    const page = ctx.page;
    await open(page, SARA);
    await page.getByRole('button', { name: NEW_TITLE }).click();
    await page.getByRole('button', { name: "Unisci a un'altra idea" }).click();
    const dialog = page.getByRole('dialog', { name: 'Unire questa idea a un duplicato?' });
    await dialog.getByRole('searchbox', { name: "Cerca l'idea a cui unirla" }).fill('nidi');
    await dialog.getByRole('radio', { name: `${EXISTING} (voti: 1)` }).check();
    await dialog.getByRole('button', { name: 'Unisci', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const into = page.getByText(/^Questa idea è stata unita a un'altra simile/);
    await into.getByRole('button', { name: EXISTING }).waitFor();
    const merged = (await ideaOf(existing)).mergedFrom.map((m) => m.title);
    expect(merged).toEqual([NEW_TITLE]);
    await screenshot(page, 'ideas-merged-1280');

    await page.getByRole('button', { name: 'Separa di nuovo le idee' }).click();
    await into.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: "Storia dell'idea" })
      .getByText("Separata dall'idea:")
      .waitFor();
    expect((await ideaOf(existing)).mergedFrom).toEqual([]);

    await page.getByRole('tab', { name: 'Andamento' }).click();
    await page.getByRole('table', { name: 'Idee per area e stato' }).waitFor();
    await expectNoSidewaysScroll(page, 'ideas-pipeline');
  }, 120_000);
});
