/**
 * CI (`.ci/run`): starts the production artifact in `dir` — `npm run build`'s dist/app after
 * `npm ci --omit=dev` — exactly as App Service does, in production mode against a throwaway
 * Azurite, and checks that it serves health, the tab, the tab API and the bot endpoint.
 * Usage: tsx test/production-smoke.ts <dir>
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startAzurite } from '../server/azurite';
import { productionEnv, startProduction } from './production-process';

const DEV_ONLY = ['tsx', 'vite', 'azurite', 'react', '@microsoft/m365agentsplayground', 'jest'];

function check(what: string, ok: boolean, detail = ''): void {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? ` (${detail})` : ''}`);
  if (!ok) process.exitCode = 1;
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? '');
  const { scripts } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const installed = DEV_ONLY.filter((name) => existsSync(path.join(dir, 'node_modules', name)));
  check('no development dependency installed', installed.length === 0, installed.join(', '));
  check('no TypeScript source shipped', !existsSync(path.join(dir, 'server', 'main.ts')));

  const [node, ...args] = scripts.start.split(' ');
  check('starts with node, as App Service does', node === 'node', scripts.start);
  const azurite = await startAzurite();
  try {
    const app = await startProduction([process.execPath, ...args], {
      cwd: dir,
      env: productionEnv(azurite.connectionString),
    });
    console.log(
      `     node ${process.versions.node}, healthy after ${Math.round(app.healthyAfterMs)} ms`,
    );

    const tab = await fetch(`${app.url}/tab/`);
    const html = await tab.text();
    check('GET /tab/ serves the built tab', tab.status === 200 && html.includes('/tab/assets/'));
    check(
      'the tab may be framed by Teams only',
      /frame-ancestors https:\/\/\*\.cloud\.microsoft/.test(
        tab.headers.get('content-security-policy') ?? '',
      ),
    );
    check('HSTS in production', tab.headers.has('strict-transport-security'));

    const me = await fetch(`${app.url}/api/v1/me`);
    check('the tab API asks for a Teams token', me.status === 401, String(me.status));

    const bot = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'aiuto',
        channelId: 'msteams',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        from: { id: '29:smoke' },
        recipient: { id: '28:oibo' },
        conversation: { id: 'a:smoke' },
      }),
    });
    check(
      'the bot endpoint refuses an unauthenticated activity',
      bot.status === 401,
      String(bot.status),
    );

    const code = await app.stop();
    check('SIGTERM stops it cleanly', code === 0, `exit ${code}`);
    if (process.exitCode) console.log(app.output());
  } finally {
    await azurite.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
