import type { OrgUnitsRepository } from './org-units.repository';

/**
 * A value derived from the whole directory, computed once per import and instance: otherwise a
 * read costs the import stamp (one point read). Role grants stamp the import too
 * (DirectoryService.setRole), so a derived value never outlives a change of who holds a role.
 * A failed computation is forgotten, so the next read tries again.
 */
export class PerImport<T> {
  private cached: { version: string | undefined; value: Promise<T> } | undefined;

  constructor(
    private readonly orgUnits: Pick<OrgUnitsRepository, 'importVersion'>,
    private readonly compute: () => Promise<T>,
  ) {}

  async current(): Promise<T> {
    const version = await this.orgUnits.importVersion();
    if (!this.cached || this.cached.version !== version) {
      const entry = { version, value: this.compute() };
      this.cached = entry;
      entry.value.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return this.cached.value;
  }
}
