import type { Browser, Page } from 'playwright-core';
import users from '../content/demo/playground-users.json';
import type { ConversationRef } from '../core/conversations/conversation-ref';
import { TableStore } from '../core/store/table-store';
import { createServices } from '../server/app';
import { openEmbeddedStore, type AzuriteHandle } from '../server/azurite';
import { loadConfig } from '../server/config';
import { startServer, stopApp, type RunningServer } from '../test/app-process';
import { startMockConnector } from '../test/mock-connector';
import { launchChromium, screenshot } from './browser';
import { recordSidewaysScroll, sidewaysMoments, type SidewaysMoment } from './sideways';

const PAOLO = users[5]!; // the programme team
/** The audience: three areas, long names among them; people in the first have a chat with the bot. */
const AREAS = [
  'Area Servizi Demografici',
  'Area Welfare e Promozione del Benessere',
  'Area Mobilità Sostenibile e Infrastrutture',
];
/** Slow enough to watch the campaign prepare, send and end. */
const RATE = 4;
const WIDE = { width: 1280, height: 900 };
/** Teams on a phone. */
const NARROW = { width: 420, height: 860 };

describe('the Campaigns screen on a phone (420 px) while a campaign is sent', () => {
  let app: RunningServer;
  let azurite: AzuriteHandle;
  let connector: Awaited<ReturnType<typeof startMockConnector>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    connector = await startMockConnector();
    [app, browser] = await Promise.all([
      startServer({ DELIVERY_RATE_PER_SECOND: String(RATE) }),
      launchChromium(),
    ]);
    azurite = await openEmbeddedStore(app.dataDir);
    const services = createServices(
      new TableStore({ kind: 'connectionString', connectionString: azurite.connectionString }),
      loadConfig({}),
    );
    const people = await services.people.inBuckets(['b00', 'bff']);
    await services.conversationRefs.saveMany(
      people
        .filter((person) => person.orgUnitPath[0] === AREAS[0] && person.objectId)
        .map((person): ConversationRef => chatWith(person.objectId!, connector.serviceUrl)),
    );
    page = await browser.newPage({ viewport: NARROW });
    await recordSidewaysScroll(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await azurite?.stop();
    if (app) expect(await stopApp(app)).toBe(0);
    await connector?.close();
  }, 30_000);

  /** Starts a campaign for the three areas from the Campaigns screen, as the programme team. */
  const startCampaign = async () => {
    await page.goto(`${app.botUrl}/tab/?lang=it-IT&user=${PAOLO.objectId}`);
    await page.getByRole('tab', { name: 'Campagne' }).click({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Nuova campagna' }).waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: 'Alcune aree' }).check();
    await page.getByRole('combobox', { name: /^Aree/ }).click();
    for (const name of AREAS) await page.getByRole('menuitemcheckbox', { name }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Avvia campagna' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Avviare la campagna?' });
    await dialog.getByRole('row', { name: /^Persone scelte/ }).waitFor({ timeout: 15_000 });
    await dialog.getByRole('button', { name: 'Avvia', exact: true }).click();
  };

  /**
   * Follows the new campaign to its end, calling `step` at every poll; returns the states it
   * showed and every moment the page scrolled sideways.
   */
  const follow = async (name: string, step: (i: number) => Promise<void>) => {
    const detail = page.getByRole('region', { name: /^Invito al questionario del/ });
    const badge = detail.locator('.fui-Badge').first();
    const states = new Set<string>();
    // Until the campaign shows, the screen that started it.
    const moments: (SidewaysMoment & { state: string | null })[] = (
      await sidewaysMoments(page)
    ).map((moment) => ({ state: null, ...moment }));
    for (let i = 0; i < 240 && !states.has('Conclusa'); i++) {
      const state = await badge.textContent({ timeout: 1_000 }).catch(() => null);
      if (state !== null && !states.has(state)) {
        states.add(state);
        await screenshot(page, `${name}-${states.size}`);
      }
      await step(i);
      for (const moment of await sidewaysMoments(page)) moments.push({ state, ...moment });
      await page.waitForTimeout(250);
    }
    for (const moment of await sidewaysMoments(page)) moments.push({ state: 'after', ...moment });
    return { states: [...states], moments };
  };

  it('opened on a phone, never scrolls sideways from the start through sending to the end', async () => {
    await page.setViewportSize(NARROW);
    await startCampaign();
    const { states, moments } = await follow('campaign-narrow', async () => {});
    expect(states).toEqual(expect.arrayContaining(['In corso', 'Conclusa']));
    expect(moments).toEqual([]);
  }, 180_000);

  it('turned from wide to narrow at any moment of the sending, never scrolls sideways', async () => {
    await page.setViewportSize(WIDE);
    await startCampaign();
    const { states, moments } = await follow('campaign-turned', (i) =>
      page.setViewportSize(i % 2 === 0 ? NARROW : WIDE),
    );
    await page.setViewportSize(NARROW);
    for (const moment of await sidewaysMoments(page))
      moments.push({ state: 'Conclusa', ...moment });
    expect(states).toEqual(expect.arrayContaining(['In corso', 'Conclusa']));
    expect(moments).toEqual([]);
  }, 180_000);
});

/** A 1:1 chat with the bot, as if the person had installed the app, at the mock connector. */
function chatWith(objectId: string, serviceUrl: string): ConversationRef {
  const conversationId = `a:${objectId}`;
  return {
    scope: 'personal',
    conversationId,
    userObjectId: objectId,
    reference: JSON.stringify({
      channelId: 'msteams',
      serviceUrl,
      conversation: { id: conversationId, conversationType: 'personal' },
      user: { id: `29:${objectId}`, aadObjectId: objectId },
      bot: { id: '28:oibo' },
    }),
    updatedAt: new Date(),
  };
}
