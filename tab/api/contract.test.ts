import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web compiles the contract as it is (tab/web/src/api/types.ts re-exports it) and core's read
 * models answer its shapes (core/dashboard): it must stay declarations only, with nothing to
 * import, or one side would pull the other's runtime (zod, node:crypto) into its build.
 */
describe('the tab API contract', () => {
  const source = readFileSync(join(__dirname, 'contract.ts'), 'utf8');

  it('imports nothing', () => {
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\brequire\(/);
  });

  it('exports only types and interfaces', () => {
    const exports = source.match(/^export\s+\S+/gm) ?? [];
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.filter((line) => !/^export\s+(type|interface)$/.test(line))).toEqual([]);
  });
});
