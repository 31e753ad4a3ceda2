import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isAlive } from '../server/child-process';

export interface RunningServer {
  botUrl: string;
  dataDir: string;
  /** Seconds from spawning the process to its ready line. */
  startupSeconds: number;
  process: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
}

export interface RunningApp extends RunningServer {
  playgroundUrl: string;
}

const ROOT = path.resolve(__dirname, '..');

export async function freshDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'oibo-app-'));
}

/** Starts `npm start`'s entry point as a new user would run it (by default on a fresh data folder). */
export async function startApp(dataDir?: string): Promise<RunningApp> {
  const app = await spawnApp({
    command: [path.join(ROOT, 'node_modules/.bin/tsx'), 'server/main.ts'],
    dataDir: dataDir ?? (await freshDataDir()),
    playground: true,
    processGroup: false,
  });
  if (!app.playgroundUrl) throw new Error(`the app printed no Playground URL:\n${app.output()}`);
  return { ...app, playgroundUrl: app.playgroundUrl };
}

/**
 * Runs `npm start` itself without the Playground, in a process group of its own as a terminal
 * would, so that `signalGroup` can stand in for Ctrl-C.
 */
export function startWithNpm(dataDir: string): Promise<RunningServer> {
  return spawnApp({ command: ['npm', 'start'], dataDir, playground: false, processGroup: true });
}

/** Starts the server alone (no Playground) with `env` added to the test's environment. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  return spawnApp({
    command: [path.join(ROOT, 'node_modules/.bin/tsx'), 'server/main.ts'],
    dataDir: await freshDataDir(),
    playground: false,
    processGroup: false,
    env,
  });
}

async function spawnApp(options: {
  command: [string, ...string[]];
  dataDir: string;
  playground: boolean;
  processGroup: boolean;
  env?: Record<string, string>;
}): Promise<RunningServer & { playgroundUrl?: string }> {
  const [executable, ...args] = options.command;
  const child = spawn(executable, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: options.dataDir,
      PORT: '0',
      PLAYGROUND: String(options.playground),
      LOG_PRETTY: 'false',
      NODE_ENV: 'development',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup,
  });
  let output = '';
  const spawnedAt = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`the app did not start within 90 s:\n${output}`));
    }, 90_000);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; botUrl?: string; playgroundUrl?: string };
        if (entry.msg === 'ready' && entry.botUrl) {
          clearTimeout(timer);
          resolve({
            botUrl: entry.botUrl,
            dataDir: options.dataDir,
            playgroundUrl: entry.playgroundUrl,
            startupSeconds: (performance.now() - spawnedAt) / 1000,
            process: child,
            output: () => output,
          });
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code}):\n${output}`));
    });
  });
}

export function stopApp(app: RunningServer): Promise<number | null> {
  return new Promise((resolve) => {
    if (app.process.exitCode !== null) return resolve(app.process.exitCode);
    app.process.once('exit', (code) => resolve(code));
    app.process.kill('SIGTERM');
  });
}

/**
 * Sends `signal` to the app's whole process group, as a terminal's Ctrl-C does to a job, and
 * waits until no process of the group is left (npm itself exits before its children).
 */
export async function signalGroup(app: RunningServer, signal: NodeJS.Signals): Promise<void> {
  try {
    process.kill(groupOf(app), signal);
  } catch {
    return; // the group had already exited
  }
  await groupGone(app);
}

/** Waits until the app stops by itself; resolves with the exit code of its first process. */
export async function exitOf(app: RunningServer): Promise<number | null> {
  const code =
    app.process.exitCode ??
    (await new Promise<number | null>((resolve) => app.process.once('exit', resolve)));
  await groupGone(app);
  return code;
}

/**
 * Stops the embedded store an app left running in `dataDir` (its crash leaves it to be adopted by
 * the next start), so that a test leaves no process behind.
 */
export async function stopLeftoverStore(dataDir: string): Promise<void> {
  const lock = await readFile(path.join(dataDir, 'azurite.json'), 'utf8').catch(() => undefined);
  if (!lock) return;
  const { azuritePid } = JSON.parse(lock) as { azuritePid: number };
  try {
    process.kill(azuritePid, 'SIGINT');
  } catch {
    return;
  }
  while (isAlive(azuritePid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** The app's process group, as `kill` names it (a negative id). */
function groupOf(app: RunningServer): number {
  if (app.process.pid === undefined) throw new Error('the app has no process id');
  return -app.process.pid;
}

async function groupGone(app: RunningServer): Promise<void> {
  while (isAlive(groupOf(app))) await new Promise((resolve) => setTimeout(resolve, 50));
}
