import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The Node flags `npm start` (and so App Service) runs the app with, e.g. its heap limit. */
export function startFlags(): string[] {
  const { scripts } = JSON.parse(
    readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8'),
  ) as { scripts: { start: string } };
  const flags = /\btsx((?: --[\w-]+(?:=\S+)?)*) server\/main\.ts/.exec(scripts.start);
  if (!flags) throw new Error('package.json start script: expected "tsx [flags] server/main.ts"');
  return flags[1]!.trim().split(' ').filter(Boolean);
}
