import type { AdaptiveCard } from '../../cards/card';
import { cardProblems } from '../../cards/card-validation';
import { createServices, type Services } from '../../../server/app';
import { botHarness, cardsOf, cardText, GIULIA, personalActivity } from '../../../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../../../test/store';
import { generateDemoDirectory } from '../../../core/directory/demo-directory';
import { IDEA_VERBS } from './ideas.verbs';

jest.setTimeout(60_000);

describe('nuova idea / new idea in chat', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let bot: ReturnType<typeof botHarness>;

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, TEST_CONFIG);
    await services.directory.importPeople(generateDemoDirectory());
    bot = botHarness(services);
  });
  afterAll(() => drop());

  const say = async (text: string) =>
    cardsOf(await bot.turn(personalActivity(GIULIA, { type: 'message', text })));
  const submit = async (data: Record<string, string>) => {
    const replies = await bot.turn(
      personalActivity(GIULIA, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: IDEA_VERBS.propose.name, data } },
      }),
    );
    const response = replies.find((a) => a.type === 'invokeResponse')?.value as {
      body: { value: AdaptiveCard };
    };
    return response.body.value;
  };

  it('says so when no call is open', async () => {
    expect(cardText(await say('nuova idea'))).toContain("non c'è una call per idee aperta");
  });

  it('opens the propose form as a card, refuses bad input keeping it, takes a good one', async () => {
    await services.ideas.saveCall(
      { objectId: 'admin', name: null, department: null, admin: true },
      {
        title: 'Call4Ideas',
        question: 'Cosa digitalizzare?',
        opensAt: new Date(Date.now() - 86_400_000),
        closesAt: new Date(Date.now() + 86_400_000),
      },
    );
    const [form] = await say('nuova idea');
    expect(cardProblems(form!)).toEqual([]);
    expect(cardText(form)).toContain('Le idee sono firmate');
    const typed = {
      title: 'Modulistica online',
      procedure: 'Richiesta permessi',
      office: 'Settore Mobilità',
      problem: 'Moduli di carta da stampare e consegnare.',
      proposal: 'Un modulo online compilabile con SPID.',
      benefits: 'x',
    };
    const refused = await submit(typed);
    expect(cardText(refused)).toContain('Controlla i campi: Chi ne beneficia');
    expect(cardText(refused)).toContain('Modulistica online');
    expect(
      await services.ideas.list((await services.ideas.openCall())!.id, { withHidden: true }),
    ).toEqual([]);
    const done = await submit({ ...typed, benefits: 'Cittadinanza e imprese: niente code.' });
    expect(cardText(done)).toContain('Grazie!');
    const [idea] = await services.ideas.list((await services.ideas.openCall())!.id, {
      withHidden: true,
    });
    expect(idea).toMatchObject({
      title: 'Modulistica online',
      authors: [{ objectId: GIULIA.objectId }],
    });
    expect(cardText(await say('new idea'))).toContain('Proponi');
  });
});
