import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Logger } from 'pino';
import { stopChild, tail } from './child-process';

export interface PlaygroundHandle {
  url: string;
  stop(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..');
const CONFIG_FILE = path.join(REPO_ROOT, '.m365agentsplayground.yml');
const START_TIMEOUT_MS = 60_000;

/**
 * Starts the Microsoft 365 Agents Playground (the local Teams client) pointed at the bot, with
 * the mock tenant of `.m365agentsplayground.yml`. It moves to a random port when `port` is taken,
 * so the URL is read from what it prints. It exits silently on a bad config file: its own log
 * file (in the data folder) then says why.
 */
export async function startPlayground(options: {
  botEndpoint: string;
  port: number;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
}): Promise<PlaygroundHandle> {
  const cli = path.join(
    path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')),
    'cli.js',
  );
  const logFile = path.resolve(options.dataDir, 'playground.log');
  const args = [
    cli,
    '-e',
    options.botEndpoint,
    '-c',
    'msteams',
    '-p',
    String(options.port),
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...options.env,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: CONFIG_FILE,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      TEAMSAPPTESTER_BROWSER: 'none',
    },
  });
  const output = tail(child);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Agents Playground did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.stdout.on('data', () => {
      const listening = /Listening on (\d+)/.exec(output());
      if (listening) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Agents Playground exited (${code}); see ${logFile}`));
    });
  });
  child.once('exit', (code, signal) => {
    if (signal === null) options.logger.error({ code, logFile }, 'Agents Playground exited');
  });
  return { url: `http://localhost:${port}`, stop: () => stopChild(child, 'SIGTERM', 3_000) };
}
