import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConversationParameters,
  TurnContext,
  type ConversationReference,
} from 'botbuilder';
import { start, type ConnectorSim } from './connector-sim';
import { FaultPlan, type FaultOptions } from './faults';

const TENANT = 'tenant-int';
const FAULTS: FaultOptions = { seed: 42, blockedShare: 0.5 };

function usersBy(blocked: boolean): string {
  const plan = new FaultPlan(FAULTS);
  for (let i = 0; ; i++) if (plan.isBlocked(`29:user-${i}`) === blocked) return `29:user-${i}`;
}

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function createConversation(sim: ConnectorSim, user: string): Promise<string> {
  const response = await post(`${sim.url}/v3/conversations`, {
    bot: { id: '28:bot' },
    members: [{ id: user }],
    channelData: { tenant: { id: TENANT } },
    isGroup: false,
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function activitiesUrl(sim: ConnectorSim, conversation: string): string {
  return `${sim.url}/v3/conversations/${encodeURIComponent(conversation)}/activities`;
}

describe('connector simulator over HTTP', () => {
  let sim: ConnectorSim;

  beforeEach(async () => {
    sim = await start({ faults: FAULTS });
  });

  afterEach(async () => {
    await sim.stop();
  });

  it('creates, sends, throttles the eighth send with Retry-After, and blocks a blocked user', async () => {
    const conversation = await createConversation(sim, usersBy(false));
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 8; i++) {
      const response = await post(activitiesUrl(sim, conversation), {
        type: 'message',
        text: `hello ${i}`,
        channelData: { idempotencyKey: `k${i}` },
      });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers.get('retry-after');
        expect(await response.json()).toEqual({
          error: expect.objectContaining({ code: 'Throttled' }),
        });
      } else {
        expect(await response.json()).toEqual({ id: expect.any(String) });
      }
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
    expect(retryAfter).toBe('1');

    const blocked = await createConversation(sim, usersBy(true));
    const refused = await post(activitiesUrl(sim, blocked), { type: 'message', text: 'hi' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: expect.objectContaining({ code: 'MessageWritesBlocked' }),
    });
    expect(sim.stats()).toMatchObject({ accepted: 7, throttled: 1, blocked: 1 });
  });

  it("serves botbuilder's CloudAdapter: create, proactive send, reply and card update", async () => {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    const user = usersBy(false);
    const params = {
      bot: { id: '28:bot', name: 'bot' },
      members: [{ id: user, name: '' }],
      channelData: { tenant: { id: TENANT } },
      isGroup: false,
    } as ConversationParameters;
    let reference: Partial<ConversationReference> | undefined;
    await adapter.createConversationAsync('', 'msteams', sim.url, '', params, async (context) => {
      reference = TurnContext.getConversationReference(context.activity);
    });
    expect(reference?.conversation?.id).toMatch(/^a:/);

    let sentId = '';
    await adapter.continueConversationAsync(
      '',
      reference as ConversationReference,
      async (context) => {
        const sent = await context.sendActivity({
          type: 'message',
          text: 'invitation',
          channelData: { idempotencyKey: 'campaign-1' },
        });
        sentId = sent?.id ?? '';
        await context.sendActivity({ type: 'message', text: 'a reply', replyToId: sentId });
        await context.updateActivity({
          id: sentId,
          type: 'message',
          conversation: context.activity.conversation,
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }],
        });
      },
    );
    const log = [...sim.deliveries()].map((d) => [d.kind, d.recipient, d.summary.slice(0, 20)]);
    // The reference carries an activityId (createConversationAsync sets it to the conversation
    // id), so botbuilder posts a proactive send to the reply endpoint, not to /activities.
    expect(log).toEqual([
      ['reply', user, 'invitation'],
      ['reply', user, 'a reply'],
      ['update', user, 'attachments: applica'],
    ]);
    expect(sim.stats()).toMatchObject({ conversationsCreated: 1, accepted: 3, duplicates: 0 });
  });
});
