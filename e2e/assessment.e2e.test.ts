import { PARTICIPANTS } from '../core/assessment/aggregates';
import { AggregatesRepository } from '../core/assessment/aggregates.repository';
import { TableStore } from '../core/store/table-store';
import { openEmbeddedStore } from '../server/azurite';
import { screenshot } from './browser';
import { appInBrowser, CARD, card as cardIn, COMPOSE, say as sayIn } from './harness';

const CAMPAIGN = 'digital-mindset-v1';

describe('the Digital Mindset assessment in the Agents Playground', () => {
  const ctx = appInBrowser({ width: 1280, height: 1000 });
  const card = (text: string | RegExp) => cardIn(ctx.page, text);
  const say = (text: string) => sayIn(ctx.page, text);

  /** Submissions recorded for the aggregates (counted, or waiting for k), from the app's store. */
  const participants = async (): Promise<number> => {
    const azurite = await openEmbeddedStore(ctx.app.dataDir);
    const store = new TableStore({
      kind: 'connectionString',
      connectionString: azurite.connectionString,
    });
    const aggregates = new AggregatesRepository(store);
    const [rows, waiting] = await Promise.all([
      aggregates.campaign(CAMPAIGN),
      aggregates.pending(CAMPAIGN),
    ]);
    await azurite.stop();
    const counted = rows.filter((r) => r.dimension === PARTICIPANTS);
    return (
      counted.reduce((sum, r) => sum + r.count, 0) +
      waiting.filter((row) => row.value.change === 'add').length
    );
  };

  it('is answered card by card from the welcome card to the result', async () => {
    await ctx.page.goto(ctx.app.playgroundUrl, { waitUntil: 'domcontentloaded' });
    await ctx.page.locator(COMPOSE).waitFor({ timeout: 60_000 });
    await card('ti diamo il benvenuto')
      .getByRole('button', { name: 'Inizia il questionario' })
      .click();
    await card('Prima di iniziare').getByRole('button', { name: 'Inizia', exact: true }).click();

    const first = card(/Domanda 1 di \d+/);
    await first.waitFor({ timeout: 15_000 });
    const total = Number(/Domanda 1 di (\d+)/.exec(await first.innerText())![1]);
    await first.getByRole('button', { name: '4', exact: true }).click();
    await card(`Domanda 2 di ${total}`).getByRole('button', { name: 'Indietro' }).click();
    await card('La tua risposta attuale: 4 su 5')
      .getByRole('button', { name: '5', exact: true })
      .click();

    for (let i = 2; i <= total; i++) {
      const item = card(`Domanda ${i} di ${total}`);
      await item.waitFor({ timeout: 15_000 });
      if (i === 10) await screenshot(ctx.page, 'assessment-item');
      const scale = item.getByRole('button', { name: String(((i + 1) % 5) + 1), exact: true });
      await ((await scale.count()) > 0 ? scale : item.getByRole('button').first()).click();
    }
    const reviews = ctx.page.locator(CARD).filter({ hasText: 'Ultimo passaggio' });
    await reviews.first().waitFor({ timeout: 15_000 });
    expect(await reviews.first().innerText()).toContain(
      `Hai risposto a ${total} domande su ${total}`,
    );

    // A second copy of the review card, as if opened on another device: it goes stale.
    await say('questionario');
    await reviews.nth(1).waitFor({ timeout: 15_000 });

    await reviews.first().getByRole('button', { name: 'Invia' }).click();
    // Case-sensitive: the review's consent question speaks of "il tuo risultato" too.
    const result = card(/Il tuo risultato/);
    await result.waitFor({ timeout: 15_000 });
    expect(await result.innerText()).toMatch(/\/100 · (Base|Intermedio|Avanzato)/);
    await screenshot(ctx.page, 'assessment-result');
    expect(await participants()).toBe(1);

    await ctx.page
      .locator(CARD)
      .filter({ hasText: 'Ultimo passaggio' })
      .last()
      .getByRole('button', { name: 'Invia' })
      .click();
    await card('Hai già inviato questo questionario').waitFor({ timeout: 15_000 });
    expect(await participants()).toBe(1);
  }, 240_000);

  it('shows the same result again for "i miei risultati"', async () => {
    await say('i miei risultati');
    const results = ctx.page.locator(CARD).filter({ hasText: /Il tuo risultato/ });
    await results.nth(1).waitFor({ timeout: 15_000 });
    expect(await results.nth(1).innerText()).toBe(await results.first().innerText());
  }, 60_000);
});
