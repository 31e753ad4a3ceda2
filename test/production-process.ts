import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Settings App Service gives the app (infra/modules/app-service.bicep), with a local store. */
export function productionEnv(connectionString: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    TABLES_CONNECTION_STRING: connectionString,
    PSEUDONYM_SECRET: 'production-smoke-only-not-a-secret-0000000',
    MicrosoftAppType: 'UserAssignedMSI',
    MicrosoftAppId: '0d6c7a2e-91b4-4f3a-8e25-3c1f6b9d4a70',
    MicrosoftAppTenantId: '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00',
    TAB_SSO_CLIENT_ID: '8a3f5e21-6c0b-4d97-b1e4-2f9a7c3d5e60',
    TAB_SSO_TENANT_ID: '3f6c1a52-8d0e-4b7a-9c21-5e4d3b2a1f00',
  };
}

export interface ProductionProcess {
  url: string;
  /** Milliseconds from spawning the command to the first 200 from /healthz. */
  healthyAfterMs: number;
  process: ChildProcess;
  output(): string;
  /** SIGTERM to its process group, as App Service stops an instance; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Spawns `command` (e.g. the artifact's start command) and polls /healthz until it answers 200:
 * the listening port is read from the ready log line, so PORT=0 works.
 */
export async function startProduction(
  command: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<ProductionProcess> {
  const [executable, ...args] = command;
  if (!executable) throw new Error('no command');
  const spawnedAt = performance.now();
  const child = spawn(executable, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // A group of its own: `npm start` runs the server as a grandchild, and stopping the group
    // stops it too.
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = spawnedAt + (options.timeoutMs ?? 90_000);
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
    return exited;
  };
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${output}`);
    const url = /"botUrl":"(http:\/\/[^"]+)"/.exec(output)?.[1];
    if (url) {
      const health = await fetch(`${url}/healthz`).catch(() => undefined);
      if (health?.status === 200) {
        const healthyAfterMs = performance.now() - spawnedAt;
        return { url, healthyAfterMs, process: child, output: () => output, stop };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await stop();
  throw new Error(`no healthy /healthz within ${options.timeoutMs ?? 90_000} ms:\n${output}`);
}

/** Resident memory of a process and all its descendants, in MiB (Linux /proc). */
export async function treeRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const own = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) / 1024;
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  const sizes = await Promise.all(
    children
      .split(/\s+/)
      .filter(Boolean)
      .map((child) => treeRssMiB(Number(child))),
  );
  return own + sizes.reduce((sum, size) => sum + size, 0);
}
