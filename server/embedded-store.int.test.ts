import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AdaptiveCard } from '../bot/cards/card';
import {
  exitOf,
  freshDataDir,
  signalGroup,
  startWithNpm,
  stopLeftoverStore,
  type RunningServer,
} from '../test/app-process';
import { cardText, GIULIA } from '../test/bot-harness';
import { startMockConnector } from '../test/mock-connector';
import { openEmbeddedStore } from './azurite';
import { isAlive } from './child-process';

/** The discard port: nothing listens on it on loopback. */
const NOTHING_LISTENS = 9;

type Connector = Awaited<ReturnType<typeof startMockConnector>>;

/** Giulia's personal chat, as Teams posts it to the bot endpoint. */
function activity(connector: Connector, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    id: `act-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    locale: 'it-IT',
    from: { id: '29:giulia', aadObjectId: GIULIA.objectId },
    recipient: { id: '28:oibo' },
    conversation: { id: 'a:giulia-chat', conversationType: 'personal' },
    channelData: { tenant: { id: '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00' } },
    ...extra,
  };
}

function post(app: RunningServer, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${app.botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Types `text` in the chat and returns the card the bot sends back through the connector. */
async function say(app: RunningServer, connector: Connector, text: string): Promise<unknown> {
  const reply = connector.next(20_000);
  expect((await post(app, activity(connector, { type: 'message', text }))).status).toBe(200);
  return (await reply).body.attachments?.[0]?.content;
}

/** Presses a card's button: its invoke is answered, over the wire, with the card replacing it. */
async function press(
  app: RunningServer,
  connector: Connector,
  card: unknown,
  title: string,
): Promise<unknown> {
  const button = findAction(card, title);
  if (!button) throw new Error(`no button "${title}" in: ${cardText(card)}`);
  const action = { type: 'Action.Execute', verb: button.verb, data: button.data };
  const response = await post(
    app,
    activity(connector, { type: 'invoke', name: 'adaptiveCard/action', value: { action } }),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: AdaptiveCard }).value;
}

function findAction(card: unknown, title: string): { verb: unknown; data: unknown } | undefined {
  if (!card || typeof card !== 'object') return undefined;
  const element = card as Record<string, unknown>;
  if (element.type === 'Action.Execute' && element.title === title) {
    return { verb: element.verb, data: element.data };
  }
  for (const child of Object.values(element)) {
    const found = findAction(child, title);
    if (found) return found;
  }
  return undefined;
}

/** The embedded store's Azurite process, as its lock file names it. */
async function storePid(dataDir: string): Promise<number> {
  const lock = await readFile(path.join(dataDir, 'azurite.json'), 'utf8');
  return (JSON.parse(lock) as { azuritePid: number }).azuritePid;
}

/** Giulia starts the assessment and answers its first item; the bot acknowledges the answer. */
async function answerFirstItem(app: RunningServer, connector: Connector): Promise<void> {
  const item = await press(app, connector, await say(app, connector, 'questionario'), 'Inizia');
  expect(cardText(item)).toContain('Domanda 1 di');
  expect(cardText(await press(app, connector, item, '4'))).toContain('Domanda 2 di');
}

describe('the embedded store under npm start', () => {
  let connector: Connector;
  let dataDir: string;
  let started: RunningServer[] = [];
  /** `npm start` on this test's folder; whatever a test leaves running is killed after it. */
  const start = async (): Promise<RunningServer> => {
    const app = await startWithNpm(dataDir);
    started.push(app);
    return app;
  };

  beforeAll(async () => {
    connector = await startMockConnector();
  });
  beforeEach(async () => {
    dataDir = await freshDataDir();
  });
  afterEach(async () => {
    await Promise.all(started.map((app) => signalGroup(app, 'SIGKILL')));
    started = [];
    await stopLeftoverStore(dataDir);
  });
  afterAll(() => connector.close());

  /** Starts the app again on the same folder and checks Giulia resumes after her answer. */
  async function expectAnswerKept(): Promise<void> {
    const again = await start();
    expect(cardText(await say(again, connector, 'questionario'))).toContain('Domanda 2 di');
    await signalGroup(again, 'SIGINT');
  }

  it.each(['SIGINT', 'SIGTERM'] as const)(
    'keeps an answer acknowledged 300 ms before %s reaches the whole process group, and stops its store',
    async (signal) => {
      const app = await start();
      const store = await storePid(dataDir);
      await answerFirstItem(app, connector);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await signalGroup(app, signal);
      expect(isAlive(store)).toBe(false);
      await expectAnswerKept();
    },
    60_000,
  );

  it('keeps an answer acknowledged 300 ms before the app is killed (the store is adopted)', async () => {
    const app = await start();
    await answerFirstItem(app, connector);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await signalGroup(app, 'SIGKILL');
    await expectAnswerKept();
  }, 60_000);

  it('stops with a clear message when its embedded store dies, and starts again', async () => {
    const app = await start();
    process.kill(await storePid(dataDir), 'SIGKILL');
    expect(await exitOf(app)).toBe(69);
    expect(app.output()).toContain('the embedded store (Azurite) stopped unexpectedly');

    const again = await start();
    expect(cardText(await say(again, connector, 'questionario'))).toContain('Prima di iniziare');
    await signalGroup(again, 'SIGINT');
  }, 60_000);
});

describe("the embedded store's lock", () => {
  it('waits for an Azurite of an earlier run that is still saving before starting another', async () => {
    const dataDir = await freshDataDir();
    // Stands in for an Azurite whose owner was killed while it saved: alive, no longer listening.
    const saving = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 3000)']);
    await writeFile(
      path.join(dataDir, 'azurite.json'),
      JSON.stringify({ azuritePid: saving.pid, port: NOTHING_LISTENS, ownerPid: saving.pid }),
    );

    const store = await openEmbeddedStore(dataDir);
    try {
      expect(saving.exitCode).toBe(0);
    } finally {
      await store.stop();
    }
  }, 30_000);
});
