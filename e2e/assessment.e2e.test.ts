import type { Browser, Locator, Page } from 'playwright-core';
import { PARTICIPANTS } from '../core/assessment/aggregates';
import { AggregatesRepository } from '../core/assessment/aggregates.repository';
import { TableStore } from '../core/store/table-store';
import { openEmbeddedStore } from '../server/azurite';
import { startApp, stopApp, type RunningApp } from '../test/app-process';
import { launchChromium, screenshot } from './browser';

const COMPOSE = '[contenteditable="true"][role="textbox"]';
const CARD = '.fai-OutputCard .ac-adaptiveCard';
const CAMPAIGN = 'digital-mindset-v1';

describe('the Digital Mindset assessment in the Agents Playground', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (app) expect(await stopApp(app)).toBe(0);
  }, 30_000);

  const card = (text: string | RegExp): Locator =>
    page.locator(CARD).filter({ hasText: text }).last();

  /** Submissions counted in the aggregates, read from the app's own store. */
  const participants = async (): Promise<number> => {
    const azurite = await openEmbeddedStore(app.dataDir);
    const store = new TableStore({
      kind: 'connectionString',
      connectionString: azurite.connectionString,
    });
    const rows = await new AggregatesRepository(store).campaign(CAMPAIGN);
    await azurite.stop();
    return rows.filter((r) => r.dimension === PARTICIPANTS).reduce((sum, r) => sum + r.count, 0);
  };

  it('is answered card by card from the welcome card to the result', async () => {
    await page.goto(app.playgroundUrl, { waitUntil: 'domcontentloaded' });
    await page.locator(COMPOSE).waitFor({ timeout: 60_000 });
    await card('ti diamo il benvenuto')
      .getByRole('button', { name: 'Inizia il questionario' })
      .click();
    await card('Prima di iniziare').getByRole('button', { name: 'Inizia', exact: true }).click();

    const first = card(/Domanda 1 di \d+/);
    await first.waitFor({ timeout: 15_000 });
    const total = Number(/Domanda 1 di (\d+)/.exec(await first.innerText())![1]);
    await first.getByRole('button', { name: '4', exact: true }).click();
    await card(`Domanda 2 di ${total}`).getByRole('button', { name: 'Indietro' }).click();
    await card('La tua risposta attuale: 4')
      .getByRole('button', { name: '5', exact: true })
      .click();

    for (let i = 2; i <= total; i++) {
      const item = card(`Domanda ${i} di ${total}`);
      await item.waitFor({ timeout: 15_000 });
      if (i === 10) await screenshot(page, 'assessment-item');
      const scale = item.getByRole('button', { name: String(((i + 1) % 5) + 1), exact: true });
      await ((await scale.count()) > 0 ? scale : item.getByRole('button').first()).click();
    }
    const reviews = page.locator(CARD).filter({ hasText: 'Quasi finito' });
    await reviews.first().waitFor({ timeout: 15_000 });
    expect(await reviews.first().innerText()).toContain(
      `Hai risposto a ${total} domande su ${total}`,
    );

    // A second copy of the review card, as if opened on another device: it goes stale.
    await page.locator(COMPOSE).click();
    await page.keyboard.type('questionario');
    await page.keyboard.press('Enter');
    await reviews.nth(1).waitFor({ timeout: 15_000 });

    await reviews.first().getByRole('button', { name: 'Invia' }).click();
    const result = card('Il tuo risultato');
    await result.waitFor({ timeout: 15_000 });
    expect(await result.innerText()).toMatch(/\/100 · (Base|Intermedio|Avanzato)/);
    await screenshot(page, 'assessment-result');
    expect(await participants()).toBe(1);

    await page
      .locator(CARD)
      .filter({ hasText: 'Quasi finito' })
      .last()
      .getByRole('button', { name: 'Invia' })
      .click();
    await card('Hai già inviato questo questionario').waitFor({ timeout: 15_000 });
    expect(await participants()).toBe(1);
  }, 240_000);

  it('shows the same result again for "i miei risultati"', async () => {
    await page.locator(COMPOSE).click();
    await page.keyboard.type('i miei risultati');
    await page.keyboard.press('Enter');
    const results = page.locator(CARD).filter({ hasText: 'Il tuo risultato' });
    await results.nth(1).waitFor({ timeout: 15_000 });
    expect(await results.nth(1).innerText()).toBe(await results.first().innerText());
  }, 60_000);
});
