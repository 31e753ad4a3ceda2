import type restify from 'restify';
import { TableStore } from '../core/store/table-store';
import { cardText, GIULIA, silentLogger } from '../test/bot-harness';
import { startMockConnector } from '../test/mock-connector';
import { demoServices, TEST_CONFIG } from '../test/store';
import { createBotServer, createServices, createTabAuthenticator, type Services } from './app';
import { connectionStringFor } from './azurite';

const localOptions = (services: Services) => ({
  botAuth: { mode: 'local' as const },
  authenticate: createTabAuthenticator({ tabAuth: { mode: 'demo' }, env: 'test' }, services),
});

async function listen(server: restify.Server): Promise<string> {
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${server.address().port}`;
}

function messageActivity(serviceUrl: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: 'act-1',
    channelId: 'msteams',
    serviceUrl,
    text,
    locale: 'it-IT',
    from: { id: '29:giulia', aadObjectId: GIULIA.objectId },
    recipient: { id: '28:oibo' },
    conversation: { id: 'a:giulia-chat', conversationType: 'personal' },
    channelData: { tenant: { id: '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00' } },
  };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('HTTP endpoints over the real store', () => {
  let services: Services;
  let drop: () => Promise<void>;
  let server: restify.Server;
  let base: string;
  let connector: Awaited<ReturnType<typeof startMockConnector>>;

  beforeAll(async () => {
    ({ services, drop } = await demoServices());
    server = createBotServer(localOptions(services), services, silentLogger);
    base = await listen(server);
    connector = await startMockConnector();
  });
  afterAll(async () => {
    server.close();
    await connector.close();
    await drop();
  });

  it('answers help posted to /api/messages through the Bot Connector', async () => {
    const reply = connector.next();
    const response = await post(
      `${base}/api/messages`,
      messageActivity(connector.serviceUrl, 'aiuto'),
    );
    expect(response.status).toBe(200);
    const sent = await reply;
    expect(sent.path).toBe('/v3/conversations/a%3Agiulia-chat/activities/act-1');
    expect(cardText(sent.body.attachments?.[0]?.content)).toContain('Cosa posso fare');
  });

  it('refuses a body that is not JSON', async () => {
    const response = await post(`${base}/api/messages`, '{not json');
    expect(response.status).toBe(400);
  });

  it('refuses a body over 256 KB', async () => {
    const response = await post(
      `${base}/api/messages`,
      messageActivity(connector.serviceUrl, 'x'.repeat(300_000)),
    );
    expect(response.status).toBe(413);
  });

  it('reports a reachable store as healthy', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('lets the local tab name a demo identity (no Entra configuration)', async () => {
    const response = await fetch(`${base}/api/v1/me`, {
      headers: { 'x-oibo-demo-user': GIULIA.objectId },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ displayName: 'Giulia Ferri' });
    expect((await fetch(`${base}/api/v1/me`)).status).toBe(401);
  });

  it('serves the tab shell', async () => {
    const response = await fetch(`${base}/tab/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('óiBO');
  });

  describe('with the store down', () => {
    let downServer: restify.Server;
    let downBase: string;

    beforeAll(async () => {
      const dead = new TableStore({
        kind: 'connectionString',
        connectionString: connectionStringFor(9),
      });
      downServer = createBotServer(
        localOptions(services),
        createServices(dead, TEST_CONFIG),
        silentLogger,
      );
      downBase = await listen(downServer);
    });
    afterAll(() => {
      downServer.close();
    });

    it('answers /healthz with 503 and a reason', async () => {
      const response = await fetch(`${downBase}/healthz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        reason: expect.stringMatching(/store/),
      });
    });

    // The store client retries a refused connection with backoff for several seconds first.
    it('apologises to the user when a turn fails', async () => {
      const reply = connector.next(25_000);
      await post(`${downBase}/api/messages`, messageActivity(connector.serviceUrl, 'aiuto'));
      const sent = await reply;
      expect(cardText(sent.body.attachments?.[0]?.content)).toContain('Qualcosa è andato storto');
    }, 30_000);
  });

  describe('with a bot app id configured', () => {
    let authServer: restify.Server;
    let authBase: string;

    beforeAll(async () => {
      authServer = createBotServer(
        {
          ...localOptions(services),
          botAuth: {
            mode: 'entra',
            appId: '11111111-2222-4333-8444-555555555555',
            appType: 'SingleTenant',
            tenantId: '66666666-7777-4888-9999-000000000000',
            password: 'not-a-real-secret',
          },
        },
        services,
        silentLogger,
      );
      authBase = await listen(authServer);
    });
    afterAll(() => {
      authServer.close();
    });

    it('refuses activities without a Bot Framework token', async () => {
      const response = await post(
        `${authBase}/api/messages`,
        messageActivity(connector.serviceUrl, 'aiuto'),
      );
      expect(response.status).toBe(401);
    });

    it('refuses a forged token', async () => {
      const response = await post(
        `${authBase}/api/messages`,
        messageActivity(connector.serviceUrl, 'aiuto'),
        {
          authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.',
        },
      );
      expect(response.status).toBe(401);
    });
  });
});
