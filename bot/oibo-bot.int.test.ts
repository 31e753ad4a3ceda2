import { COMMAND_SPECS } from './command-specs';
import type { Services } from '../server/app';
import { demoServices } from '../test/store';
import { botHarness, cardsOf, cardText, GIULIA, personalActivity, SARA } from '../test/bot-harness';
import { cardProblems } from './cards/card-validation';
import { translator } from '../core/i18n/translator';

/** Giulia, writing in a team's General channel. */
const inTeamChannel = {
  conversation: {
    id: '19:general@thread.tacv2',
    conversationType: 'channel',
    isGroup: true,
    name: 'General',
  },
  channelData: { team: { id: '19:general@thread.tacv2' } },
  recipient: { id: '28:oibo', name: 'óiBO' },
  from: { id: `29:${GIULIA.objectId}`, aadObjectId: GIULIA.objectId, name: '' },
  serviceUrl: 'http://127.0.0.1:9/_connector',
};

describe('óiBO bot over the real store', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let bot: ReturnType<typeof botHarness>;

  beforeAll(async () => {
    ({ services, drop } = await demoServices());
    bot = botHarness(services);
  });
  afterAll(() => drop());

  const install = (user: { objectId: string }) =>
    bot.turn(
      personalActivity(user, {
        type: 'conversationUpdate',
        membersAdded: [
          { id: `29:${user.objectId}`, name: '' },
          { id: '28:oibo', name: '' },
        ],
      }),
    );

  it('welcomes a known employee by name, in Italian, with the privacy summary', async () => {
    const [card, ...more] = cardsOf(await install(GIULIA));
    expect(more).toEqual([]);
    expect(cardProblems(card!)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Ciao Giulia');
    expect(text).toContain('La tua privacy');
    expect(text).toContain('almeno 5 persone');
  });

  it("uses the employee's language from the directory", async () => {
    const text = cardText(cardsOf(await install(SARA)));
    expect(text).toContain('Hi Sara, welcome to óiBO!');
  });

  it("falls back to the client's language for people not in the directory", async () => {
    const stranger = { objectId: '0f0f0f0f-0000-4000-8000-000000000000' };
    const replies = await bot.turn(
      personalActivity(stranger, { type: 'message', text: 'help', locale: 'en-GB' }),
    );
    expect(cardText(cardsOf(replies))).toContain('What I can do');
  });

  it('greets a team once when the bot is added, not when people join', async () => {
    const botAdded = await bot.turn({
      ...inTeamChannel,
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:oibo', name: '' }],
    });
    expect(cardText(cardsOf(botAdded))).toContain('aggiunto a questo team');
    const personJoined = await bot.turn({
      ...inTeamChannel,
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:x', name: '' }],
    });
    expect(personJoined).toEqual([]);
  });

  it.each(['questionario', 'i miei risultati', 'i miei dati', 'cancella i miei dati'])(
    'keeps %j to the personal chat, never a channel',
    async (text) => {
      const replies = await bot.turn({ ...inTeamChannel, type: 'message', text });
      expect(cardText(cardsOf(replies))).toContain('solo nella chat personale');
    },
  );

  it.each(['aiuto', 'Help', 'AIUTO!', '<at>óiBO</at> aiuto'])(
    'answers %j with the command list',
    async (text) => {
      const replies = await bot.turn(
        personalActivity(GIULIA, {
          type: 'message',
          text,
          entities: [
            { type: 'mention', mentioned: { id: '28:oibo', name: 'óiBO' }, text: '<at>óiBO</at>' },
          ],
        }),
      );
      const [card] = cardsOf(replies);
      expect(cardText(card)).toContain('Cosa posso fare');
      const t = translator('it-IT');
      for (const spec of COMMAND_SPECS) expect(cardText(card)).toContain(t(spec.usageKey));
    },
  );

  it('answers unknown text with a hint, never silence', async () => {
    const replies = await bot.turn(
      personalActivity(GIULIA, { type: 'message', text: 'quando è la mensa?' }),
    );
    expect(cardText(cardsOf(replies))).toContain('Scrivi **aiuto**');
  });

  it('remembers the personal conversation for proactive messages', async () => {
    await bot.turn(
      personalActivity(GIULIA, {
        type: 'message',
        text: 'ciao',
        serviceUrl: 'https://smba.example/emea/',
      }),
    );
    const ref = await services.conversationRefs.personal(GIULIA.objectId);
    expect(ref).toMatchObject({ scope: 'personal', conversationId: `a:${GIULIA.objectId}` });
    expect(JSON.parse(ref!.reference)).toMatchObject({
      serviceUrl: 'https://smba.example/emea/',
      conversation: { id: `a:${GIULIA.objectId}` },
    });
  });

  it("sends the command list from the welcome card's button and keeps the card", async () => {
    const replies = await bot.turn(
      personalActivity(GIULIA, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'help.show', data: {} } },
      }),
    );
    expect(cardText(cardsOf(replies))).toContain('Cosa posso fare');
    const response = replies.find((a) => a.type === 'invokeResponse');
    expect(response?.value).toMatchObject({
      status: 200,
      body: {
        type: 'application/vnd.microsoft.activity.message',
        value: 'Ecco i comandi disponibili.',
      },
    });
  });

  it('refuses an unknown card verb with 400', async () => {
    const replies = await bot.turn(
      personalActivity(GIULIA, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'nope', data: {} } },
      }),
    );
    const response = replies.find((a) => a.type === 'invokeResponse');
    expect(response?.value).toMatchObject({ status: 400, body: { statusCode: 400 } });
  });
});
