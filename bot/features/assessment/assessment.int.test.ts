import type { Activity } from 'botbuilder';
import { PARTICIPANTS } from '../../../core/assessment/aggregates';
import { generateDemoDirectory } from '../../../core/directory/demo-directory';
import type { Services } from '../../../server/app';
import { botHarness, cardsOf, cardText, GIULIA, personalActivity } from '../../../test/bot-harness';
import { cardButtons } from '../../../test/card-buttons';
import { demoServices } from '../../../test/store';
import type { AdaptiveCard } from '../../cards/card';
import { cardProblems } from '../../cards/card-validation';

type Harness = ReturnType<typeof botHarness>;

function invoke(
  user: { objectId: string },
  verb: string,
  data: Record<string, unknown>,
): Partial<Activity> {
  return personalActivity(user, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  });
}

/** Clicks a button: sends its invoke and returns the card that replaces it. */
async function click(
  bot: Harness,
  user: { objectId: string },
  card: AdaptiveCard,
  title: string,
): Promise<AdaptiveCard> {
  const button = cardButtons(card).find((b) => b.title === title);
  if (!button) throw new Error(`no button "${title}" in: ${cardText(card)}`);
  const replies = await bot.turn(invoke(user, button.verb, button.data));
  const response = replies.find((a) => a.type === 'invokeResponse')?.value as {
    status: number;
    body: { value: AdaptiveCard };
  };
  expect(response.status).toBe(200);
  expect(cardProblems(response.body.value)).toEqual([]);
  return response.body.value;
}

async function say(bot: Harness, user: { objectId: string }, text: string): Promise<AdaptiveCard> {
  const [card] = cardsOf(await bot.turn(personalActivity(user, { type: 'message', text })));
  return card!;
}

describe('Digital Mindset assessment in chat', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let bot: Harness;
  /** Submissions waiting to be counted (one person is fewer than k: none is counted yet). */
  const waiting = async () => {
    await services.publisher.publishAll();
    const counted = (await services.aggregates.campaign(services.assessment.campaignId)).length;
    return counted + (await services.aggregates.pending(services.assessment.campaignId)).length;
  };

  beforeAll(async () => {
    ({ services, drop } = await demoServices());
    bot = botHarness(services);
  });
  afterAll(() => drop());

  it('goes from the privacy card through every item, back once, to the result', async () => {
    const privacy = await say(bot, GIULIA, 'questionario');
    expect(cardText(privacy)).toContain('Prima di iniziare');
    // The card promises the campaign's threshold, and showing it locks it.
    expect(cardText(privacy)).toContain('almeno 5 persone');
    const locked = await services.assessmentCampaigns.find(services.assessment.campaignId);
    expect(locked?.policy.k).toBe(5);

    let card = await click(bot, GIULIA, privacy, 'Inizia');
    const total = services.questionnaire.items.length;
    expect(cardText(card)).toContain(`Domanda 1 di ${total}`);
    card = await click(bot, GIULIA, card, '4');
    expect(cardText(card)).toContain(`Domanda 2 di ${total}`);
    card = await click(bot, GIULIA, card, 'Indietro');
    expect(cardText(card)).toContain('La tua risposta attuale: 4 su 5');
    card = await click(bot, GIULIA, card, '5');

    for (let i = 2; i <= total; i++) {
      expect(cardText(card)).toContain(`Domanda ${i} di ${total}`);
      const choice = cardButtons(card).find(
        (b) => b.verb === 'assessment.answer' && b.data.value !== 2 && b.data.value !== false,
      );
      card = await click(bot, GIULIA, card, choice!.title);
    }
    expect(cardText(card)).toContain(`Hai risposto a ${total} domande su ${total}`);
    expect(cardText(card)).toContain('Le tue risposte per dimensione');
    const result = await click(bot, GIULIA, card, 'Invia');
    expect(cardText(result)).toContain('Il tuo risultato');
    expect(cardText(result)).toMatch(/\d+(\.\d)?\/100 · (Base|Intermedio|Avanzato)/);
    expect(await waiting()).toBe(1);

    expect(cardText(await say(bot, GIULIA, 'i miei risultati'))).toEqual(cardText(result));
    expect(cardText(result)).toContain(
      'Come leggere i livelli (punteggi da 0 a 100): Base sotto 50, Intermedio da 50 a 74,9 e Avanzato da 75 in su.',
    );

    // Asking for the questionnaire again says it is done before showing the result.
    const [notice, again, ...more] = cardsOf(
      await bot.turn(personalActivity(GIULIA, { type: 'message', text: 'questionario' })),
    );
    expect(more).toEqual([]);
    expect(cardText(notice)).toMatch(/^Hai già completato il questionario il \d+ \w+ \d{4}/);
    expect(cardText(again)).toEqual(cardText(result));

    // "My data" reads as a summary in words, never as JSON with internal keys.
    const myData = await say(bot, GIULIA, 'i miei dati');
    expect(cardProblems(myData)).toEqual([]);
    const summary = cardText(myData);
    expect(summary).toContain('Giulia');
    expect(summary).toMatch(/inviato il \d+ \w+ \d{4}/);
    expect(summary).toMatch(/(Base|Intermedio|Avanzato) \(\d+(,\d)? su 100\)/);
    expect(summary).toContain('Sì, acconsento');
    expect(summary).toContain('«Scarica i miei dati»');
    expect(summary).not.toMatch(/[{}"]|campaignId|questionnaireId|orgUnitPath|inProgress/);

    // An old card clicked after submission: "already submitted", nothing written.
    const stale = await click(bot, GIULIA, card, 'Invia');
    expect(cardText(stale)).toContain('Hai già inviato');
    const oldItem = await click(bot, GIULIA, privacy, 'Inizia');
    expect(cardText(oldItem)).toContain('Il tuo risultato');
    expect(await waiting()).toBe(1);
  }, 60_000);

  it('stores a repeated answer once and resumes at the first unanswered item', async () => {
    const user = { objectId: generateDemoDirectory()[10]!.objectId! };
    const first = await click(bot, user, await say(bot, user, 'questionnaire'), 'Inizia');
    const answer = cardButtons(first).find((b) => b.title === '3')!;
    await bot.turn(invoke(user, answer.verb, answer.data));
    const pseudonym = services.pseudonyms.pseudonymOf(user.objectId);
    const before = await services.responses.get(pseudonym, services.assessment.campaignId);
    await bot.turn(invoke(user, answer.verb, answer.data));
    const after = await services.responses.get(pseudonym, services.assessment.campaignId);
    expect(after?.etag).toBe(before?.etag);
    expect(cardText(await say(bot, user, 'questionario'))).toContain('Domanda 2 di');
  });

  it.each([
    ['an unknown item', 20, { item: 'zz-99', value: 3 }, 'la domanda non esiste'],
    ['a value out of range', 21, { item: 'ds-01', value: 9 }, 'non è più valida'],
    [
      'a wrong questionnaire version',
      22,
      { item: 'ds-01', value: 3, v: 99 },
      'versione precedente',
    ],
    ['an unknown campaign', 23, { item: 'ds-01', value: 3, c: 'other' }, 'non è più attivo'],
    ['a missing field', 24, { value: 3 }, 'non è più valida'],
  ])('refuses %s with a clear card and writes nothing', async (_name, person, data, message) => {
    const italians = generateDemoDirectory().filter((p) => p.locale === 'it-IT');
    const user = { objectId: italians[person]!.objectId! };
    await click(bot, user, await say(bot, user, 'questionario'), 'Inizia');
    const pseudonym = services.pseudonyms.pseudonymOf(user.objectId);
    const before = await services.responses.get(pseudonym, services.assessment.campaignId);
    const replies = await bot.turn(
      invoke(user, 'assessment.answer', { c: services.assessment.campaignId, v: 1, ...data }),
    );
    expect(
      cardText(
        cardsOf([]).concat((replies[0]?.value as { body: { value: AdaptiveCard } }).body.value),
      ),
    ).toContain(message);
    const after = await services.responses.get(pseudonym, services.assessment.campaignId);
    expect(after?.etag).toBe(before?.etag);
  });

  it('asks for the department of people the directory does not know', async () => {
    const stranger = { objectId: '0e0e0e0e-0000-4000-8000-000000000001' };
    const department = await click(
      bot,
      stranger,
      await say(bot, stranger, 'questionario'),
      'Inizia',
    );
    expect(cardText(department)).toContain('In quale area lavori?');
    const button = cardButtons(department)[0]!;
    const replies = await bot.turn(
      invoke(stranger, button.verb, { ...button.data, department: 'Area Cultura e Sport' }),
    );
    const next = (replies[0]?.value as { body: { value: AdaptiveCard } }).body.value;
    expect(cardText(next)).toContain('Domanda 1 di');
  });

  it('exports and erases a person’s data, and their weight in the aggregates', async () => {
    const exported = cardText(await say(bot, GIULIA, 'i miei dati'));
    expect(exported).toContain('inviato il');
    expect(exported).toContain('Giulia Ferri');
    const confirm = await say(bot, GIULIA, 'cancella i miei dati');
    const done = await click(bot, GIULIA, confirm, 'Sì, cancella');
    expect(cardText(done)).toContain('le tue risposte e i tuoi risultati sono stati cancellati');
    // A contribution already published leaves the aggregates at the next publication, not now.
    expect(cardText(done)).toContain('sarà tolto dai dati aggregati al prossimo aggiornamento');
    expect(await waiting()).toBe(0);
    expect(cardText(await say(bot, GIULIA, 'my results'))).toContain('Non hai ancora un risultato');
  });
});

describe('assessment aggregates under concurrency', () => {
  let services: Services;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ services, drop } = await demoServices());
  });
  afterAll(() => drop());

  it('counts 1,000 people of one unit submitting at once, each once, and a rebuild gives identical rows', async () => {
    const { assessment, questionnaire, publisher, aggregates } = services;
    const campaignId = assessment.campaignId;
    const ref = { campaignId, version: questionnaire.version };
    const unit = ['Area Welfare', 'Settore Servizi Sociali'];
    const people = Array.from(
      { length: 1_000 },
      (_, n) => `0c0c0c0c-0000-4000-8000-${String(n).padStart(12, '0')}`,
    );
    // Answers written straight to the store: the concurrency under test is the submission.
    await Promise.all(
      people.map(async (objectId, n) => {
        const now = new Date();
        await services.responses.insert({
          pseudonym: await services.pseudonyms.link(objectId),
          campaignId,
          questionnaireId: questionnaire.id,
          version: questionnaire.version,
          orgUnitPath: unit,
          answers: Object.fromEntries(
            questionnaire.items.map((item, i) => [
              item.id,
              (((n + i) % 5) + 1) as 1 | 2 | 3 | 4 | 5,
            ]),
          ),
          choices: {},
          status: 'inProgress',
          startedAt: now,
          updatedAt: now,
        });
      }),
    );
    const outcomes = await Promise.all(
      people.flatMap((objectId) => [
        assessment.submit(objectId, ref),
        assessment.submit(objectId, ref),
      ]),
    );
    expect(outcomes.filter((o) => o.kind === 'result')).toHaveLength(1_000);
    expect(outcomes.filter((o) => o.kind === 'alreadySubmitted')).toHaveLength(1_000);
    const ledger = await services.respondents.pseudonymsOf(campaignId);
    expect(people.every((objectId) => ledger.has(services.pseudonyms.pseudonymOf(objectId)))).toBe(
      true,
    );

    while ((await publisher.publishAll()).some((outcome) => outcome.counted > 0));
    expect(await aggregates.pending(campaignId)).toEqual([]);
    const counted = await aggregates.campaign(campaignId);
    expect(counted.find((row) => row.dimension === PARTICIPANTS)?.count).toBe(1_000);
    const { policy } = await assessment.lockCampaign();
    expect(await publisher.rebuild(campaignId, policy)).toEqual({
      responses: 1_000,
      rows: counted.length,
      queued: 0,
    });
    expect(await aggregates.campaign(campaignId)).toEqual(counted);
  }, 240_000);
});
