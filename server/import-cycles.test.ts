import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const PRODUCTION = ['core', 'bot', 'server', 'tab/api'];

function sourcesUnder(dir: string, tests = false): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(relative, tests);
    return (tests ? /\.ts$/ : /(?<!\.test)\.ts$/).test(entry.name) ? [relative] : [];
  });
}

/** A file's relative imports as paths from the root, type-only ones included. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'));
  return importedFiles
    .filter(({ fileName }) => fileName.startsWith('.'))
    .map(({ fileName }) => path.join(path.dirname(file), fileName));
}

/** Each production file's imports: a cycle of types is one too. */
function importGraph(): Map<string, string[]> {
  const files = PRODUCTION.flatMap((dir) => sourcesUnder(dir));
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      importsOf(file)
        .map((target) => `${target}.ts`)
        .filter((target) => known.has(target)),
    ]),
  );
}

/** Each import of `files` that reaches into one of the folders `above`, as "file → import". */
function upwardImports(files: string[], above: string[]): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((target) => above.some((dir) => target.startsWith(`${dir}/`)))
      .map((target) => `${file} → ${target}`),
  );
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, trail: string[]): void => {
    const at = trail.indexOf(file);
    if (at >= 0) return void found.push([...trail.slice(at), file]);
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

describe('production imports', () => {
  it('form no cycle', () => {
    expect(cycles(importGraph()).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('keep core below the bot, the tab and the server: core imports none of them', () => {
    // But the tab API's contract: wire types only (tab/api/contract.test.ts), which read models answer.
    const contract = /→ tab\/api\/contract$/;
    expect(
      upwardImports(sourcesUnder('core'), ['bot', 'tab', 'server']).filter(
        (i) => !contract.test(i),
      ),
    ).toEqual([]);
    // Nor do its tests read the tab: a read model the tab shows lives in core, tested there.
    expect(
      upwardImports(sourcesUnder('core', true), ['tab']).filter((i) => !contract.test(i)),
    ).toEqual([]);
  });

  it('would report a cycle', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['a.ts']],
    ]);
    expect(cycles(graph)).toEqual([['a.ts', 'b.ts', 'a.ts']]);
  });
});
