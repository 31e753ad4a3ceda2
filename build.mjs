// `npm run build`: the production artifact in dist/app, built once (CI, the Agents Toolkit's
// deploy): the server compiled by tsc, the tab built by Vite, and the package files whose
// `npm start` runs the compiled server. `npm ci --omit=dev` inside dist/app then installs only
// the runtime dependencies; nothing in it needs tsx, Vite or Azurite.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(root, 'dist', 'app');
/** What App Service runs (infra/modules/app-service.bicep): the same heap cap as `npm start`. */
const START = 'node --max-old-space-size=768 --optimize-for-size server/main.js';

function run(script, args) {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', script), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

rmSync(out, { recursive: true, force: true });
run('vite/bin/vite.js', ['build', '--config', 'tab/web/vite.config.mjs']);
run('typescript/bin/tsc', ['-p', 'tsconfig.build.json']);
cpSync(path.join(root, 'tab/web/dist'), path.join(out, 'tab/web/dist'), { recursive: true });

// The lock file is copied as is, so the artifact installs exactly the versions tested here.
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
pkg.scripts = { start: START, admin: 'node server/admin.js' };
writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
cpSync(path.join(root, 'package-lock.json'), path.join(out, 'package-lock.json'));
console.log(`build: ${path.relative(root, out)} (then: cd dist/app && npm ci --omit=dev)`);
