import type { Activity } from 'botbuilder';
import users from '../../../content/demo/playground-users.json';
import { generateDemoDirectory } from '../../../core/directory/demo-directory';
import { translator } from '../../../core/i18n/translator';
import { createServices, type Services } from '../../../server/app';
import { botHarness, cardsOf, cardText, personalActivity } from '../../../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../../../test/store';
import type { AdaptiveCard } from '../../cards/card';
import { cardProblems } from '../../cards/card-validation';
import { trainingNudgeCard } from './training.cards';
import { TRAINING_VERBS } from './training.verbs';

const [GIULIA, MARCO] = [users[0]!, users[1]!];
const NOW = new Date('2026-06-15T10:00:00Z');

type Harness = ReturnType<typeof botHarness>;

async function say(bot: Harness, user: { objectId: string }, text: string): Promise<AdaptiveCard> {
  const [card] = cardsOf(await bot.turn(personalActivity(user, { type: 'message', text })));
  expect(cardProblems(card!)).toEqual([]);
  return card!;
}

async function press(
  bot: Harness,
  user: { objectId: string },
  verb: string,
  data: Record<string, unknown>,
): Promise<AdaptiveCard> {
  const activity: Partial<Activity> = personalActivity(user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  });
  const replies = await bot.turn(activity);
  const response = replies.find((a) => a.type === 'invokeResponse')?.value as {
    status: number;
    body: { value: AdaptiveCard };
  };
  expect(response.status).toBe(200);
  expect(cardProblems(response.body.value)).toEqual([]);
  return response.body.value;
}

describe('"percorso" / "my path" in chat', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let bot: Harness;

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, { ...TEST_CONFIG, now: () => NOW });
    await services.directory.importPeople(generateDemoDirectory());
    await services.directory.setRole(GIULIA.objectId, 'facilitator', true);
    await services.facilitators.add({
      objectId: GIULIA.objectId,
      department: GIULIA.orgUnitPath[0]!,
      roundId: 'r-test',
      since: new Date('2026-01-20T09:00:00Z'),
    });
    bot = botHarness(services);
  });
  afterAll(() => drop());

  it('explains kindly to an employee who is not a facilitator', async () => {
    const card = await say(bot, MARCO, 'percorso');
    expect(cardText(card)).toContain('è per facilitatrici e facilitatori digitali');
  });

  it('shows a facilitator their hours, the next module with its link and a form to mark it', async () => {
    const card = await say(bot, GIULIA, 'il mio percorso');
    const text = cardText(card);
    expect(text).toContain("Ore di formazione svolte quest'anno: 0 su 40.");
    expect(text).toContain('servirebbero 13,3 ore');
    expect(text).toContain(
      'Prossimo modulo: **Il ruolo di facilitatrici e facilitatori digitali**',
    );
    expect(JSON.stringify(card)).toContain(
      'https://formazione.example/moduli/facilitazione-fondamenti',
    );
    const form = JSON.stringify(card);
    expect(form).toContain('"type":"Input.Date"');
    expect(form).toContain('"max":"2026-06-15"');
    expect(form).toContain('"type":"Input.Number"');
  });

  it('marks a module done from the card and answers with the refreshed path', async () => {
    const card = await press(bot, GIULIA, TRAINING_VERBS.done.name, {
      module: 'facilitazione-fondamenti',
      date: '2026-06-10',
      hours: '6',
    });
    const text = cardText(card);
    expect(text).toContain('è segnato come svolto');
    expect(text).toContain("svolte quest'anno: 6 su 40");
    expect(text).toContain('✓ svolto il');
    expect(text).toContain('Prossimo modulo: **Accompagnare il cambiamento nella PA**');
  });

  it('refuses a future date and hours out of range, writing nothing', async () => {
    for (const data of [
      { module: 'gestione-cambiamento', date: '2026-06-16', hours: '3' },
      { module: 'gestione-cambiamento', date: '2026-06-12', hours: '41' },
      { module: 'gestione-cambiamento', date: '2026-06-12', hours: '' },
      { module: 'gestione-cambiamento', date: 'ieri', hours: '3' },
    ]) {
      const card = await press(bot, GIULIA, TRAINING_VERBS.done.name, data);
      expect(JSON.stringify(card)).toContain('"color":"Attention"');
    }
    expect((await services.training.recordsOf(GIULIA.objectId)).map((r) => r.moduleId)).toEqual([
      'facilitazione-fondamenti',
    ]);
  });

  it("turns the monthly nudge into the path, in the person's language", async () => {
    const nudge = trainingNudgeCard(translator('en-US'));
    expect(cardProblems(nudge)).toEqual([]);
    expect(cardText(nudge)).not.toMatch(/\d/);
    const card = await press(bot, GIULIA, TRAINING_VERBS.open.name, {});
    expect(cardText(card)).toContain('Il tuo percorso di formazione');
  });
});
