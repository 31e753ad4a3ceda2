import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { isAlive, isListening, stopChild, tail, waitForExit, waitForPort } from './child-process';

/** Azurite's fixed development account (public, documented, not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const LOCK_FILE = 'azurite.json';
const LOG_FILE = 'azurite.log';
/** How long a stop waits for Azurite to write its tables to disk (a large store takes seconds). */
const SAVE_WAIT_MS = 30_000;
/** How often a process using the embedded store checks that its Azurite is still alive. */
const WATCH_INTERVAL_MS = 250;

export interface AzuriteHandle {
  /** Tables and blobs of the development account (one connection string for both services). */
  connectionString: string;
  /** The Table service's port. */
  port: number;
  blobPort: number;
  pid: number | undefined;
  /** Stops Azurite if this process started or adopted it; a shared instance is left running. */
  stop(): Promise<void>;
}

export function connectionStringFor(port: number, blobPort?: number): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEV_ACCOUNT}`,
    `AccountKey=${DEV_KEY}`,
    `TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT}`,
    ...(blobPort === undefined ? [] : [`BlobEndpoint=http://127.0.0.1:${blobPort}/${DEV_ACCOUNT}`]),
  ].join(';');
}

interface Ports {
  table: number;
  blob: number;
  /** Azurite's runner always starts its Queue service too (unused): on a free loopback port. */
  queue: number;
}

/** Azurite's runner of all its services: Table and Blob in one process, saved to one folder. */
function azuriteArgs(ports: Ports, storage: string[]): string[] {
  const main = path.join(
    path.dirname(require.resolve('azurite/package.json')),
    'dist/src/azurite.js',
  );
  return [
    main,
    ...['--tableHost', '127.0.0.1', '--tablePort', String(ports.table)],
    ...['--blobHost', '127.0.0.1', '--blobPort', String(ports.blob)],
    ...['--queueHost', '127.0.0.1', '--queuePort', String(ports.queue)],
    '--disableTelemetry',
    '--silent',
    '--skipApiVersionCheck',
    ...storage,
  ];
}

async function freePorts(): Promise<Ports> {
  const [table, blob, queue] = await Promise.all([freePort(), freePort(), freePort()]);
  return { table, blob, queue };
}

/** Ready once the last service it starts (Table) listens; Blob was started before it. */
async function waitForServices(
  child: ChildProcess,
  ports: Ports,
  output: () => string,
): Promise<void> {
  await waitForPort(child, ports.table, { name: 'Azurite', timeoutMs: 30_000, output });
  await waitForPort(child, ports.blob, { name: 'Azurite', timeoutMs: 5_000, output });
}

/**
 * Starts Azurite's Table and Blob services in memory as a child process on loopback, telemetry
 * off (tests).
 */
export async function startAzurite(): Promise<AzuriteHandle> {
  const ports = await freePorts();
  const args = azuriteArgs(ports, ['--inMemoryPersistence']);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForServices(child, ports, tail(child));
  return {
    connectionString: connectionStringFor(ports.table, ports.blob),
    port: ports.table,
    blobPort: ports.blob,
    pid: child.pid,
    stop: () => stopChild(child, 'SIGINT', 5_000),
  };
}

/**
 * Starts Azurite persisting to `location`, in a process group and session of its own and writing
 * to `logFile` rather than to pipes: a Ctrl-C or SIGTERM sent to the app's process group then
 * reaches only the app, which stops Azurite after its own last writes, and Azurite outlives a
 * crash of the app (the next start adopts it) instead of dying with its unsaved writes.
 */
async function spawnPersistent(location: string, logFile: string, ports: Ports): Promise<number> {
  const log = await open(logFile, 'a');
  const child = spawn(process.execPath, azuriteArgs(ports, ['--location', location]), {
    stdio: ['ignore', log.fd, log.fd],
    detached: true,
    windowsHide: true,
  });
  await log.close();
  const output = (): string => {
    try {
      return readFileSync(logFile, 'utf8').slice(-4000);
    } catch {
      return '';
    }
  };
  await waitForServices(child, ports, output);
  if (child.pid === undefined) throw new Error('Azurite started without a process id');
  return child.pid;
}

/**
 * Asks Azurite to stop and waits while it saves. Exactly one SIGINT: Azurite writes its tables on
 * the first and a second one kills it mid-save, losing every write since its last autosave. It is
 * never killed either, for the same reason.
 */
async function stopPersistent(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  if (!(await waitForExit(pid, SAVE_WAIT_MS))) {
    throw new Error(
      `Azurite (pid ${pid}) is still saving after ${SAVE_WAIT_MS / 1000} s; it is left to finish`,
    );
  }
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
  const owned = (azuritePid: number, port: number, blobPort: number): AzuriteHandle => ({
    connectionString: connectionStringFor(port, blobPort),
    port,
    blobPort,
    pid: azuritePid,
    stop: async () => {
      try {
        await stopPersistent(azuritePid);
      } finally {
        await rm(lockPath, { force: true });
      }
    },
  });

  if (lock && isAlive(lock.azuritePid)) {
    const listening = await isListening(lock.port);
    if (listening && lock.blobPort !== undefined) {
      if (isAlive(lock.ownerPid)) {
        return { ...owned(lock.azuritePid, lock.port, lock.blobPort), stop: async () => {} };
      }
      await writeLock({ ...lock, ownerPid: process.pid });
      return owned(lock.azuritePid, lock.port, lock.blobPort);
    }
    // An earlier version's Azurite (tables only, no blob port in its lock) saves and makes way.
    if (listening) await stopPersistent(lock.azuritePid);
    // Alive but no longer listening: it is saving on its way out (its owner was killed while
    // stopping it). A second Azurite started on the folder now would load the older file.
    await waitForExit(lock.azuritePid, SAVE_WAIT_MS);
  }
  const ports = await freePorts();
  const azuritePid = await spawnPersistent(location, path.resolve(dataDir, LOG_FILE), ports);
  await writeLock({ azuritePid, port: ports.table, blobPort: ports.blob, ownerPid: process.pid });
  return owned(azuritePid, ports.table, ports.blob);
}

/**
 * Calls `onLost` once if the Azurite serving `dataDir` (the one its lock file names) goes away
 * while this process still uses it. Returns the function that ends the watch, to call before
 * stopping the store on purpose.
 */
export async function watchEmbeddedStore(
  dataDir: string,
  onLost: (azuritePid: number) => void,
): Promise<() => void> {
  const lock = await readLock(path.resolve(dataDir, LOCK_FILE));
  if (!lock) throw new Error(`no embedded store is running in ${dataDir}`);
  const timer = setInterval(() => {
    if (isAlive(lock.azuritePid)) return;
    clearInterval(timer);
    onLost(lock.azuritePid);
  }, WATCH_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

interface Lock {
  azuritePid: number;
  port: number;
  /** Missing in the locks of earlier versions, whose Azurite served tables only. */
  blobPort?: number;
  ownerPid: number;
}

async function readLock(file: string): Promise<Lock | undefined> {
  try {
    const lock = JSON.parse(await readFile(file, 'utf8')) as Partial<Record<keyof Lock, unknown>>;
    const { azuritePid, port, blobPort, ownerPid } = lock;
    return typeof azuritePid === 'number' &&
      typeof port === 'number' &&
      typeof ownerPid === 'number'
      ? { azuritePid, port, ownerPid, ...(typeof blobPort === 'number' ? { blobPort } : {}) }
      : undefined;
  } catch {
    return undefined;
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
