import { PerImport } from './per-import';

function directory() {
  let version: string | undefined = 'v1';
  let computed = 0;
  let failNext = false;
  const perImport = new PerImport({ importVersion: () => Promise.resolve(version) }, () => {
    computed += 1;
    if (failNext) {
      failNext = false;
      return Promise.reject(new Error('the store is away'));
    }
    return Promise.resolve(`${version} #${computed}`);
  });
  return {
    perImport,
    computed: () => computed,
    importAgain: (next: string) => (version = next),
    failNext: () => (failNext = true),
  };
}

describe('a value derived from the directory', () => {
  it('is computed once per import, concurrent readers included', async () => {
    const d = directory();
    const answers = await Promise.all([d.perImport.current(), d.perImport.current()]);
    expect(await d.perImport.current()).toBe('v1 #1');
    expect(answers).toEqual(['v1 #1', 'v1 #1']);
    expect(d.computed()).toBe(1);
  });

  it('is computed again after an import (or a role grant, which stamps one)', async () => {
    const d = directory();
    await d.perImport.current();
    d.importAgain('v2');
    expect(await d.perImport.current()).toBe('v2 #2');
  });

  it('forgets a failed computation, so the next read tries again', async () => {
    const d = directory();
    d.failNext();
    await expect(d.perImport.current()).rejects.toThrow('the store is away');
    expect(await d.perImport.current()).toBe('v1 #2');
  });
});
