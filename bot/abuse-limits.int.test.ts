import { generateDemoDirectory } from '../core/directory/demo-directory';
import { createServices, type Services } from '../server/app';
import { botHarness, cardsOf, cardText, GIULIA, personalActivity } from '../test/bot-harness';
import { freshStore, TEST_CONFIG } from '../test/store';
import type { AdaptiveCard } from './cards/card';
import { cardProblems } from './cards/card-validation';

const LIMITS = {
  answersPerMinute: 2,
  erasuresPerHour: 3,
  campaignStartsPerMinute: 5,
  ideaPostsPerHour: 30,
  ideaVotesPerMinute: 60,
  workspacePostsPerHour: 60,
  workspaceMarksPerMinute: 60,
};

/** The first Action.Execute of `verb` in a card. */
function action(card: unknown, verb: string): { verb: string; data: Record<string, unknown> } {
  const found = JSON.stringify(card).match(
    new RegExp(
      `"type":"Action\\.Execute"[^{}]*"verb":"${verb.replace('.', '\\.')}"[^{}]*"data":(\\{[^{}]*\\})`,
    ),
  );
  if (!found) throw new Error(`no ${verb} in ${cardText(card)}`);
  return { verb, data: JSON.parse(found[1]!) as Record<string, unknown> };
}

describe('abuse limits in chat', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let bot: ReturnType<typeof botHarness>;

  const press = async (pressed: { verb: string; data: Record<string, unknown> }) => {
    const replies = await bot.turn(
      personalActivity(GIULIA, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', ...pressed } },
      }),
    );
    const response = replies.find((a) => a.type === 'invokeResponse')?.value as {
      body: { value: AdaptiveCard };
    };
    expect(cardProblems(response.body.value)).toEqual([]);
    return response.body.value;
  };

  beforeAll(async () => {
    const fresh = await freshStore();
    drop = fresh.drop;
    services = createServices(fresh.store, { ...TEST_CONFIG, abuseLimits: LIMITS });
    await services.directory.importPeople(generateDemoDirectory());
    bot = botHarness(services);
  });
  afterAll(() => drop());

  it('answers a step over the limit with a card in the person’s language, storing nothing', async () => {
    const [privacy] = cardsOf(
      await bot.turn(personalActivity(GIULIA, { type: 'message', text: 'questionario' })),
    );
    const first = await press(action(privacy, 'assessment.start'));
    const second = await press(action(first, 'assessment.answer'));
    expect(cardText(second)).toContain('Domanda 2');
    const answer = action(second, 'assessment.answer');
    const before = await services.assessment.peek(GIULIA.objectId);
    const refused = await press(answer);
    expect(cardText(refused)).toContain('Un momento, per favore');
    expect(cardText(refused)).toMatch(/riprova tra \d+ second/);
    // The same answer is offered again for when the wait is over.
    expect(action(refused, 'assessment.answer')).toEqual(answer);
    const after = await services.assessment.peek(GIULIA.objectId);
    expect(after).toMatchObject({ kind: 'item', index: 1 });
    expect(after).toEqual(before);
  });
});
