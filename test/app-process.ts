import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningApp {
  botUrl: string;
  dataDir: string;
  /** Seconds from spawning the process to its ready line. */
  startupSeconds: number;
  playgroundUrl: string;
  process: ChildProcess;
}

const ROOT = path.resolve(__dirname, '..');

export async function freshDataDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'oibo-app-'));
}

/** Starts `npm start`'s entry point as a new user would run it (by default on a fresh data folder). */
export async function startApp(dataDir?: string): Promise<RunningApp> {
  dataDir ??= await freshDataDir();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      PLAYGROUND: 'true',
      LOG_PRETTY: 'false',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
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
        if (entry.msg === 'ready' && entry.botUrl && entry.playgroundUrl) {
          clearTimeout(timer);
          const startupSeconds = (performance.now() - spawnedAt) / 1000;
          resolve({
            botUrl: entry.botUrl,
            dataDir: dataDir,
            playgroundUrl: entry.playgroundUrl,
            startupSeconds,
            process: child,
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

export function stopApp(app: RunningApp): Promise<number | null> {
  return new Promise((resolve) => {
    if (app.process.exitCode !== null) return resolve(app.process.exitCode);
    app.process.once('exit', (code) => resolve(code));
    app.process.kill('SIGTERM');
  });
}
