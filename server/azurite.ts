import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { isListening, stopChild, tail, waitForPort } from './child-process';

/** Azurite's fixed development account (public, documented, not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const LOCK_FILE = 'azurite.json';

export interface AzuriteHandle {
  connectionString: string;
  port: number;
  pid: number | undefined;
  /** Stops Azurite if this process started it; a shared instance is left running. */
  stop(): Promise<void>;
}

export function connectionStringFor(port: number): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEV_ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT}`,
  ].join(';');
}

/**
 * Starts Azurite's Table service as a child process on loopback, telemetry off.
 * With `location` the data persists there; without, it lives in memory (tests).
 */
export async function startAzurite({
  location,
}: { location?: string } = {}): Promise<AzuriteHandle> {
  const port = await freePort();
  const main = path.join(
    path.dirname(require.resolve('azurite/package.json')),
    'dist/src/table/main.js',
  );
  const args = [
    main,
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--disableTelemetry',
    '--silent',
    '--skipApiVersionCheck',
    ...(location ? ['--location', location] : ['--inMemoryPersistence']),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForPort(child, port, { name: 'Azurite', timeoutMs: 30_000, output: tail(child) });
  return {
    connectionString: connectionStringFor(port),
    port,
    pid: child.pid,
    // SIGINT lets Azurite flush its persisted tables before exiting.
    stop: () => stopChild(child, 'SIGINT', 5_000),
  };
}

/**
 * Opens the embedded store kept in `dataDir`. If another óiBO process (the server, while an admin
 * command runs) has Azurite running there, joins it and leaves it running. If Azurite outlived a
 * process that was killed, adopts it. Otherwise starts one. The lock file records which.
 */
export async function openEmbeddedStore(dataDir: string): Promise<AzuriteHandle> {
  const location = path.resolve(dataDir, 'azurite');
  await mkdir(location, { recursive: true });
  const lockPath = path.resolve(dataDir, LOCK_FILE);
  const lock = await readLock(lockPath);
  const writeLock = (next: Lock): Promise<void> => writeFile(lockPath, JSON.stringify(next));
  const release = async (): Promise<void> => {
    await rm(lockPath, { force: true });
  };

  if (lock && isAlive(lock.azuritePid) && (await isListening(lock.port))) {
    const joined = {
      connectionString: connectionStringFor(lock.port),
      port: lock.port,
      pid: lock.azuritePid,
    };
    if (isAlive(lock.ownerPid)) return { ...joined, stop: async () => {} };
    await writeLock({ ...lock, ownerPid: process.pid });
    return {
      ...joined,
      stop: async () => {
        process.kill(lock.azuritePid, 'SIGINT');
        for (let waited = 0; isAlive(lock.azuritePid) && waited < 5_000; waited += 50) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await release();
      },
    };
  }
  const handle = await startAzurite({ location });
  if (handle.pid === undefined) throw new Error('Azurite started without a process id');
  await writeLock({ azuritePid: handle.pid, port: handle.port, ownerPid: process.pid });
  return {
    ...handle,
    stop: async () => {
      await handle.stop();
      await release();
    },
  };
}

interface Lock {
  azuritePid: number;
  port: number;
  ownerPid: number;
}

async function readLock(file: string): Promise<Lock | undefined> {
  try {
    const lock = JSON.parse(await readFile(file, 'utf8')) as Partial<Record<keyof Lock, unknown>>;
    const { azuritePid, port, ownerPid } = lock;
    return typeof azuritePid === 'number' &&
      typeof port === 'number' &&
      typeof ownerPid === 'number'
      ? { azuritePid, port, ownerPid }
      : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
