import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import { startApp, stopApp, type RunningApp } from '../test/app-process';

/** Selectors of the Agents Playground UI (its hashed class names are not stable). */
const COMPOSE = '[contenteditable="true"][role="textbox"]';
const CARD = '.fai-OutputCard .ac-adaptiveCard';

describe('óiBO in the Agents Playground', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startApp(), launchChromium()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (app) expect(await stopApp(app)).toBe(0);
  }, 30_000);

  const say = async (text: string): Promise<void> => {
    await page.locator(COMPOSE).click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  };
  const card = (text: string | RegExp) => page.locator(CARD).filter({ hasText: text }).last();

  it('greets the demo employee with the welcome card on install', async () => {
    await page.goto(app.playgroundUrl, { waitUntil: 'domcontentloaded' });
    await page.locator(COMPOSE).waitFor({ timeout: 60_000 });
    const welcome = card('Ciao Giulia, ti diamo il benvenuto in óiBO!');
    await welcome.waitFor({ timeout: 30_000 });
    expect(await welcome.innerText()).toContain('La tua privacy');
    await screenshot(page, 'playground-welcome');
  }, 120_000);

  it('answers aiuto with the command list', async () => {
    await say('aiuto');
    const help = card('Mostra questo elenco di comandi');
    await help.waitFor({ timeout: 15_000 });
    expect(await help.innerText()).toContain('questionario');
    await screenshot(page, 'playground-help');
  }, 30_000);

  it('answers unknown text with a hint', async () => {
    await say('a che ora apre la mensa?');
    await card('Non ho capito').waitFor({ timeout: 15_000 });
  }, 30_000);

  it("opens help from the welcome card's button", async () => {
    const helpCards = page.locator(CARD).filter({ hasText: 'Mostra questo elenco di comandi' });
    const before = await helpCards.count();
    await card('ti diamo il benvenuto').getByRole('button', { name: 'Cosa posso fare' }).click();
    await helpCards.nth(before).waitFor({ timeout: 15_000 });
  }, 30_000);

  it('serves the tab shell', async () => {
    const tab = await browser.newPage();
    await tab.goto(`${app.botUrl}/tab/`);
    await tab.getByRole('heading', { name: 'óiBO' }).waitFor();
    await screenshot(tab, 'tab-shell');
    await tab.close();
  }, 30_000);
});
