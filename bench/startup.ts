import { freshDataDir, startApp, stopApp } from '../test/app-process';
import { startMockConnector } from '../test/mock-connector';
import users from '../content/demo/playground-users.json';

export interface StartupFigures {
  run: string;
  processReadySeconds: number;
  firstAnswerSeconds: number;
}

/**
 * `npm start` to the first answered message: spawns the app as a user would (embedded Azurite,
 * Playground), then posts `aiuto` to /api/messages and waits for the reply at a connector.
 * The cold run starts on an empty data folder (tables and the demo directory are created);
 * the warm run restarts on the same folder.
 */
export async function benchStartup(): Promise<StartupFigures[]> {
  const dataDir = await freshDataDir();
  const connector = await startMockConnector();
  const figures: StartupFigures[] = [];
  try {
    for (const run of ['cold', 'warm']) {
      const spawnedAt = performance.now();
      const app = await startApp(dataDir);
      const reply = connector.next(30_000);
      const response = await fetch(`${app.botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: `bench-${run}`,
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          text: 'aiuto',
          from: { id: '29:bench', aadObjectId: users[0]!.objectId },
          recipient: { id: '28:oibo' },
          conversation: { id: 'a:bench', conversationType: 'personal' },
        }),
      });
      if (!response.ok) throw new Error(`the bot answered ${response.status}`);
      await reply;
      figures.push({
        run,
        processReadySeconds: app.startupSeconds,
        firstAnswerSeconds: (performance.now() - spawnedAt) / 1000,
      });
      await stopApp(app);
    }
  } finally {
    await connector.close();
  }
  return figures;
}
