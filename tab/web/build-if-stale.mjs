// Builds the tab (vite) unless tab/web/dist is newer than every input of the build.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(web, '../..');
const built = path.join(web, 'dist', 'index.html');
const inputs = [
  path.join(web, 'src'),
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.mjs'),
  path.join(repo, 'content', 'demo', 'playground-users.json'),
  // Shared with the bot and the manifest: the places in the tab a deep link opens.
  path.join(repo, 'core', 'tab-pages.ts'),
  path.join(repo, 'package-lock.json'),
];

function newest(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(file)
      .filter((name) => !name.endsWith('.test.tsx'))
      .map((name) => newest(path.join(file, name))),
  );
}

const builtAt = statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (builtAt >= Math.max(...inputs.map(newest))) {
  console.log('tab: tab/web/dist is up to date');
} else {
  console.log(builtAt ? 'tab: sources changed, rebuilding' : 'tab: no build yet, building');
  const vite = path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(web, 'vite.config.mjs')],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
