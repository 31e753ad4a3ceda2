/**
 * `npm run package -- --env <name>`: reads `.env.<name>` at the repository root, builds the Teams
 * app package, validates it and writes `dist/appPackage.<name>.zip`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppPackageZip } from './app-package';
import { PackageError, parsePackageEnv } from './package-env';

const ROOT = join(__dirname, '..');

function main(): void {
  const { values } = parseArgs({ options: { env: { type: 'string' } } });
  const name = values.env;
  if (!name || !/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new PackageError(['usage: npm run package -- --env <name> (reads .env.<name>)']);
  }
  const envFile = join(ROOT, `.env.${name}`);
  let text: string;
  try {
    text = readFileSync(envFile, 'utf8');
  } catch {
    throw new PackageError([`.env.${name} not found at the repository root (see .env.sample)`]);
  }
  const zip = createAppPackageZip(parsePackageEnv(text));
  const out = join(ROOT, 'dist', `appPackage.${name}.zip`);
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(out, zip);
  console.log(
    `wrote ${relative(ROOT, out)} (${zip.length} bytes): schema, upload rules, commands and icons OK`,
  );
}

try {
  main();
} catch (error) {
  if (!(error instanceof PackageError)) throw error;
  console.error(`Cannot build the Teams app package:\n${error.message}`);
  process.exitCode = 1;
}
