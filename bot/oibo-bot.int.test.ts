import { COMMAND_SPECS } from '../server/registry';
import { CONVERSATION_REFS_TABLE } from '../core/conversations/conversation-refs.repository';
import { createServices, type Services } from '../server/app';
import { demoServices, TEST_CONFIG } from '../test/store';
import { botHarness, cardsOf, cardText, GIULIA, personalActivity, SARA } from '../test/bot-harness';
import { cardProblems } from './cards/card-validation';
import { translator } from '../core/i18n/translator';
import type { AdaptiveCard } from './cards/card';

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

/** Giulia, writing in a group chat with colleagues. */
const inGroupChat = {
  ...inTeamChannel,
  conversation: {
    id: '19:meeting@thread.v2',
    conversationType: 'groupChat',
    isGroup: true,
    name: '',
  },
  channelData: {},
};

/** Addressed to the group: no name, no "tu", no personal privacy box, no personal buttons. */
function expectGroupWelcome(card: AdaptiveCard): void {
  const text = cardText(card);
  expect(text).toContain('Ciao a tutte e a tutti');
  expect(text).toContain('Scrivete **@óiBO aiuto**');
  expect(text).not.toContain('Giulia');
  expect(text).not.toContain('La tua privacy');
  expect(text).not.toMatch(/\b(ti|tuoi|tua|scrivi|puoi)\b/i);
  expect(card.actions?.map((action) => action.type)).toEqual(['Action.Execute', 'Action.OpenUrl']);
}

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
    const [card, ...more] = cardsOf(botAdded);
    expect(more).toEqual([]);
    expect(cardProblems(card!)).toEqual([]);
    expectGroupWelcome(card!);
    expect(cardText(card)).toContain('fa parte di questo team');
    const personJoined = await bot.turn({
      ...inTeamChannel,
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:x', name: '' }],
    });
    expect(personJoined).toEqual([]);
  });

  it('greets a group chat as a group, not as a team, when the bot is added', async () => {
    const [card, ...more] = cardsOf(
      await bot.turn({
        ...inGroupChat,
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:oibo', name: '' }],
      }),
    );
    expect(more).toEqual([]);
    expect(cardProblems(card!)).toEqual([]);
    expectGroupWelcome(card!);
    expect(cardText(card)).toContain('fa parte di questa chat di gruppo');
    expect(cardText(card)).not.toContain('team');
  });

  it('greets a personal chat in the second person singular, with the privacy summary', async () => {
    const text = cardText(cardsOf(await install(GIULIA)));
    expect(text).toContain('Solo tu vedi i tuoi risultati');
    expect(text).not.toMatch(/\b(scrivete|vostr[aei]|potete)\b/i);
  });

  it.each([
    ['a team channel', inTeamChannel],
    ['a group chat', inGroupChat],
  ])('lists in %s only the commands that work there', async (_where, where) => {
    const [card] = cardsOf(await bot.turn({ ...where, type: 'message', text: 'aiuto' }));
    expect(cardProblems(card!)).toEqual([]);
    const facts = JSON.stringify(card!.body.find((element) => element.type === 'FactSet'));
    const t = translator('it-IT');
    for (const spec of COMMAND_SPECS) {
      if (spec.personalOnly) expect(facts).not.toContain(t(spec.descriptionKey));
      else expect(facts).toContain(t(spec.descriptionKey));
    }
    expect(cardText(card)).toContain('Scrivete **@óiBO**');
    expect(cardText(card)).toContain('solo nella chat personale');
    expect(card!.actions).toEqual([
      expect.objectContaining({
        type: 'Action.OpenUrl',
        url: expect.stringContaining('28%3Aoibo'),
      }),
    ]);
  });

  it('answers unknown text in a group to the group', async () => {
    const replies = await bot.turn({
      ...inGroupChat,
      type: 'message',
      text: 'a che ora è la riunione',
    });
    expect(cardText(cardsOf(replies))).toContain('Scrivete **@óiBO aiuto**');
  });

  it.each(['questionario', 'i miei risultati', 'i miei dati', 'cancella i miei dati'])(
    'keeps %j to the personal chat, never a channel',
    async (text) => {
      const replies = await bot.turn({ ...inTeamChannel, type: 'message', text });
      const [card] = cardsOf(replies);
      expect(cardText(card)).toContain('solo nella chat personale');
      expect(card!.actions).toEqual([
        expect.objectContaining({ type: 'Action.OpenUrl', title: 'Chat personale con óiBO' }),
      ]);
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

  it('answers a greeting with the command list', async () => {
    const replies = await bot.turn(personalActivity(GIULIA, { type: 'message', text: 'Ciao!' }));
    expect(cardText(cardsOf(replies))).toContain('Cosa posso fare');
  });

  it('understands a phrase that contains a command', async () => {
    const replies = await bot.turn(
      personalActivity(GIULIA, { type: 'message', text: 'voglio vedere i miei risultati' }),
    );
    expect(cardText(cardsOf(replies))).toContain('Non hai ancora un risultato');
  });

  it('asks to confirm before erasing, however the request is phrased', async () => {
    const replies = await bot.turn(
      personalActivity(GIULIA, { type: 'message', text: 'vorrei cancellare i miei dati' }),
    );
    const [card] = cardsOf(replies);
    expect(cardText(card)).toContain('Vuoi cancellare i tuoi dati?');
    expect(card!.actions?.map((action) => action.verb)).toEqual(['privacy.erase', 'privacy.keep']);
  });

  it("links the summary of 'i miei dati' to the tab's own place for them, inside Teams", async () => {
    const teamsAppId = '4f8a2c1e-9b3d-4e7a-8c6f-2d1b0a9e8f70';
    const linked = botHarness(createServices(services.store, { ...TEST_CONFIG, teamsAppId }));
    for (const [user, title] of [
      [GIULIA, 'Apri i tuoi dati nella scheda óiBO'],
      [SARA, 'Open your data in the óiBO tab'],
    ] as const) {
      const [card] = cardsOf(
        await linked.turn(personalActivity(user, { type: 'message', text: 'i miei dati' })),
      );
      expect(cardProblems(card!)).toEqual([]);
      expect(card!.actions).toEqual([{ type: 'Action.OpenUrl', title, url: expect.any(String) }]);
      const url = new URL(card!.actions![0]!.url as string);
      expect(`${url.origin}${url.pathname}`).toBe(
        `https://teams.microsoft.com/l/entity/${teamsAppId}/home`,
      );
      expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: 'my-data' });
    }
    // Without the app id (TEST_CONFIG) there is nowhere to link to.
    const [plain] = cardsOf(
      await bot.turn(personalActivity(GIULIA, { type: 'message', text: 'i miei dati' })),
    );
    expect(cardText(plain)).toContain('I tuoi dati');
    expect(plain!.actions).toBeUndefined();
  });

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

  it('keeps no one’s identity in a group’s or channel’s reference', async () => {
    for (const place of [inTeamChannel, inGroupChat]) {
      await bot.turn({ ...place, type: 'message', text: 'aiuto' });
    }
    const rows = services.store.client(CONVERSATION_REFS_TABLE).listEntities<{
      scope: string;
      reference: string;
    }>();
    const groups: string[] = [];
    for await (const row of rows) if (row.scope !== 'personal') groups.push(row.reference);
    expect(groups).toHaveLength(2);
    for (const reference of groups) {
      expect(reference).not.toContain(GIULIA.objectId);
      expect(JSON.parse(reference)).toMatchObject({ serviceUrl: inTeamChannel.serviceUrl });
    }
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
