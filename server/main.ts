import type { Logger } from 'pino';
import {
  createBotServer,
  createDeliveryEngine,
  createServices,
  createTabAuthenticator,
  openStore,
} from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { seedDemoData } from './demo-data';
import { createLogger } from './logger';
import { startPlayground, type PlaygroundHandle } from './playground';

async function main(): Promise<void> {
  const startedAt = performance.now();
  let config: Config;
  try {
    config = loadConfig(process.env, { isTty: process.stdout.isTTY === true });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78);
  }
  const logger = createLogger(config.log);
  if (config.botAuth.mode === 'local') {
    logger.warn(
      'local mode: the bot endpoint does not authenticate requests (set MicrosoftAppId to enable)',
    );
  }

  const opened = await openStore(config.store);
  const services = createServices(opened.store, config);
  const moved = await services.conversationRefs.migrateLegacyPersonal();
  if (moved > 0) logger.info({ moved }, 'personal chat references moved to their people partition');
  if (config.seedDemoData) await seedDemoData(services, logger);

  const server = createBotServer(
    { botAuth: config.botAuth, authenticate: createTabAuthenticator(config, services) },
    services,
    logger,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
  } catch (error) {
    await opened.close();
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    throw new Error(
      inUse
        ? `Port ${config.port} is already in use: stop the other process or set PORT.`
        : String(error),
      {
        cause: error,
      },
    );
  }
  const botUrl = `http://${config.host}:${server.address().port}`;
  const delivery = createDeliveryEngine(services, config.botAuth, logger);
  delivery.start();

  let playground: PlaygroundHandle | undefined;
  if (config.playground.enabled) {
    playground = await startPlayground({
      botEndpoint: `${botUrl}/api/messages`,
      port: config.playground.port,
      dataDir: config.dataDir,
      env: process.env,
      logger,
    });
  }
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  printBanner({ botUrl, playgroundUrl: playground?.url, seconds, logger });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Chunks in flight finish and their shards are handed back before the store goes.
    await delivery.stop();
    await Promise.allSettled([
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
      playground ? playground.stop() : Promise.resolve(),
    ]);
    await opened.close();
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));
}

function printBanner(info: {
  botUrl: string;
  playgroundUrl: string | undefined;
  seconds: string;
  logger: Logger;
}): void {
  const lines = [
    '',
    `  óiBO is ready (${info.seconds} s)`,
    ...(info.playgroundUrl ? [`  Teams client (Agents Playground): ${info.playgroundUrl}`] : []),
    `  Tab:                              ${info.botUrl}/tab/`,
    `  Bot endpoint:                     ${info.botUrl}/api/messages`,
    `  Health:                           ${info.botUrl}/healthz`,
    '  Press Ctrl-C to stop.',
    '',
  ];
  info.logger.info(
    {
      startupSeconds: Number(info.seconds),
      botUrl: info.botUrl,
      playgroundUrl: info.playgroundUrl,
    },
    'ready',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
