import { ConnectorSimulator, type SimulatorOptions } from './simulator';
import type { SimResponse } from './wire';

const TENANT = 'tenant-1';

function sim(options: SimulatorOptions = {}): {
  simulator: ConnectorSimulator;
  clock: { now: number };
} {
  const clock = { now: 1_000_000 };
  return { simulator: new ConnectorSimulator({ clock: () => clock.now, ...options }), clock };
}

function create(simulator: ConnectorSimulator, user: string): SimResponse {
  const body = {
    bot: { id: 'bot' },
    members: [{ id: user }],
    channelData: { tenant: { id: TENANT } },
    isGroup: false,
  };
  return simulator.handle({
    method: 'POST',
    path: '/v3/conversations',
    body: JSON.stringify(body),
  });
}

function conversationOf(response: SimResponse): string {
  return (response.body as { id: string }).id;
}

function send(simulator: ConnectorSimulator, conversation: string, key?: string): SimResponse {
  const activity = { type: 'message', text: 'hello', channelData: { idempotencyKey: key } };
  const path = `/v3/conversations/${encodeURIComponent(conversation)}/activities`;
  return simulator.handle({ method: 'POST', path, body: JSON.stringify(activity) });
}

describe('ConnectorSimulator', () => {
  it('creates the same 1:1 conversation id for the same user, and delivers to that user', () => {
    const { simulator } = sim();
    const first = create(simulator, '29:alice');
    expect(first.status).toBe(201);
    expect(conversationOf(create(simulator, '29:alice'))).toBe(conversationOf(first));
    const sent = send(simulator, conversationOf(first), 'c1');
    expect(sent).toMatchObject({ status: 201, body: { id: '1:0' } });
    expect([...simulator.deliveries()]).toEqual([
      expect.objectContaining({ recipient: '29:alice', kind: 'send', summary: 'hello' }),
    ]);
  });

  it('throttles the eighth send in a second with a Retry-After that then succeeds', () => {
    const { simulator, clock } = sim();
    const conversation = 'a:conv';
    for (let i = 0; i < 7; i++) expect(send(simulator, conversation, `m${i}`).status).toBe(201);
    clock.now += 400;
    const refused = send(simulator, conversation, 'm7');
    expect(refused.status).toBe(429);
    expect(refused.headers['Retry-After']).toBe('1');
    expect(refused.body).toEqual({ error: expect.objectContaining({ code: 'Throttled' }) });
    clock.now += 1_000;
    expect(send(simulator, conversation, 'm7').status).toBe(201);
    expect(simulator.stats()).toMatchObject({
      accepted: 8,
      throttledConversation: 1,
      throttled: 1,
    });
  });

  it('counts every request against the tenant rate', () => {
    const { simulator, clock } = sim({ tenantRatePerSecond: 5 });
    const statuses = [1, 2, 3, 4, 5, 6].map((i) => send(simulator, `a:c${i}`).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    clock.now += 1_000;
    expect(create(simulator, '29:bob').status).toBe(201);
    expect(simulator.stats()).toMatchObject({ requests: 7, throttledTenant: 1 });
  });

  it('answers 403 MessageWritesBlocked on every send to a blocked recipient', () => {
    const { simulator } = sim({ faults: { blockedShare: 1 } });
    const conversation = conversationOf(create(simulator, '29:carol'));
    for (const key of ['a', 'a', 'b']) {
      const response = send(simulator, conversation, key);
      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        error: expect.objectContaining({ code: 'MessageWritesBlocked' }),
      });
    }
    expect(simulator.stats()).toMatchObject({ blocked: 3, accepted: 0 });
  });

  it('blocks a stable share of recipients, the same for the same seed', () => {
    const blocked = (seed: number): string[] => {
      const { simulator } = sim({
        faults: { seed, blockedShare: 0.1 },
        perConversation: false,
        tenantRatePerSecond: 0,
      });
      const users = Array.from({ length: 2_000 }, (_, i) => `29:user-${i}`);
      return users.filter((u) => send(simulator, `a:${u}`).status === 403);
    };
    const first = blocked(7);
    expect(first.length).toBeGreaterThan(150);
    expect(first.length).toBeLessThan(250);
    expect(blocked(7)).toEqual(first);
    expect(blocked(8)).not.toEqual(first);
  });

  it('answers 404 ConversationNotFound for a share of conversations', () => {
    const { simulator } = sim({ faults: { notFoundShare: 1 } });
    expect(create(simulator, '29:dan').status).toBe(404);
    expect(send(simulator, 'a:x').body).toEqual({
      error: expect.objectContaining({ code: 'ConversationNotFound' }),
    });
  });

  it('injects 5xx per conversation and attempt, repeatably', () => {
    const outcomes = (): number[] => {
      const { simulator } = sim({
        faults: { serverErrorShare: 0.3 },
        perConversation: false,
        tenantRatePerSecond: 0,
      });
      return Array.from({ length: 300 }, (_, i) => send(simulator, `a:c${i % 30}`).status);
    };
    const first = outcomes();
    const failed = first.filter((s) => s >= 500);
    expect(failed.length).toBeGreaterThan(60);
    expect(failed.length).toBeLessThan(120);
    expect(new Set(failed)).toEqual(new Set([500, 502, 503, 504]));
    expect(outcomes()).toEqual(first);
  });

  it('refuses every request of a storm with its remaining time, then admits again', () => {
    const { simulator, clock } = sim({
      faults: { storm: { afterRequests: 2, seconds: 3 } },
      perConversation: false,
      tenantRatePerSecond: 0,
    });
    expect(send(simulator, 'a:x').status).toBe(201);
    expect(send(simulator, 'a:x').status).toBe(201);
    expect(send(simulator, 'a:x')).toMatchObject({ status: 429, headers: { 'Retry-After': '3' } });
    clock.now += 2_100;
    expect(send(simulator, 'a:x')).toMatchObject({ status: 429, headers: { 'Retry-After': '1' } });
    clock.now += 900;
    expect(send(simulator, 'a:x').status).toBe(201);
    expect(simulator.stats()).toMatchObject({ throttledTenant: 2, accepted: 3 });
  });

  it('counts a repeated idempotency key to the same recipient as a duplicate', () => {
    const { simulator } = sim();
    const conversation = conversationOf(create(simulator, '29:erin'));
    send(simulator, conversation, 'campaign-1');
    send(simulator, conversation, 'campaign-1');
    send(simulator, conversation, 'campaign-2');
    send(simulator, conversationOf(create(simulator, '29:finn')), 'campaign-1');
    expect(simulator.stats()).toMatchObject({ accepted: 4, duplicates: 1, recipients: 2 });
  });

  it('updates an activity it issued and refuses one it did not', () => {
    const { simulator } = sim();
    const id = (send(simulator, 'a:conv', 'k').body as { id: string }).id;
    const path = (activity: string): string =>
      `/v3/conversations/a%3Aconv/activities/${encodeURIComponent(activity)}`;
    const card = {
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    };
    const body = JSON.stringify(card);
    expect(simulator.handle({ method: 'PUT', path: path(id), body })).toMatchObject({
      status: 200,
      body: { id },
    });
    expect(simulator.handle({ method: 'PUT', path: path('1:99'), body }).status).toBe(404);
    const reply = simulator.handle({ method: 'POST', path: path(id), body });
    expect(reply.status).toBe(201);
    const kinds = [...simulator.deliveries()].map((d) => [d.kind, d.activityId, d.summary]);
    expect(kinds).toEqual([
      ['send', id, 'hello'],
      [
        'update',
        id,
        expect.stringMatching(/^attachments: application\/vnd.microsoft.card.adaptive \d+B$/),
      ],
      ['reply', '1:2', expect.stringMatching(/^attachments: /)],
    ]);
    expect(simulator.stats().duplicates).toBe(0);
  });

  it('keeps a per-second histogram of accepted deliveries', () => {
    const { simulator, clock } = sim({ perConversation: false, tenantRatePerSecond: 0 });
    send(simulator, 'a:1');
    send(simulator, 'a:2');
    clock.now += 2_500;
    send(simulator, 'a:3');
    expect(simulator.stats().acceptedPerSecond).toEqual([2, 0, 1]);
  });

  it('refuses malformed, oversized and unknown requests without delivering', () => {
    const { simulator } = sim({ maxActivityBytes: 100 });
    const post = (path: string, body: string): number =>
      simulator.handle({ method: 'POST', path, body }).status;
    expect(post('/v3/conversations/a%3A1/activities', '{')).toBe(400);
    expect(
      post('/v3/conversations/a%3A1/activities', JSON.stringify({ text: 'x'.repeat(200) })),
    ).toBe(413);
    expect(post('/v3/conversations', JSON.stringify({ members: [], isGroup: false }))).toBe(400);
    expect(simulator.handle({ method: 'GET', path: '/v3/conversations', body: '' }).status).toBe(
      404,
    );
    expect(simulator.stats()).toMatchObject({ rejected: 4, accepted: 0 });
  });
});
