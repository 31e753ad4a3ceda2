import type { PeopleRepository } from './people.repository';
import { orgUnitsOf } from './org-unit';
import type { OrgUnitsRepository } from './org-units.repository';
import { LruCache } from '../util/lru-cache';
import type { Person } from './person';
import type { GrantedRole } from './role-grants.repository';

export interface ImportSummary {
  people: number;
  orgUnits: number;
}

/**
 * Every bot turn and tab request looks up its sender, so people are cached; an import (often from
 * the admin CLI, another process) must still take effect at once, since it can remove a role.
 * Each instance reads the import stamp at most once per `stampCheckMs` (one point read, whatever
 * the traffic) and drops its cached people when it changed: an import applies everywhere within
 * about a second, and `ttlMs` only bounds memory.
 */
const PERSON_CACHE = { maxEntries: 10_000, ttlMs: 60_000, stampCheckMs: 1_000 };

export class DirectoryService {
  private readonly byObjectId: LruCache<string, Person | null>;
  /** The import stamp seen last, and when it was read. */
  private stamp: { version: string | undefined; readAt: number } = {
    version: undefined,
    readAt: -Infinity,
  };
  private stampRead: Promise<void> | undefined;
  /** Bumped whenever the cache is dropped: a lookup that started before must not refill it. */
  private generation = 0;

  constructor(
    private readonly people: Pick<
      PeopleRepository,
      'byObjectId' | 'byUpn' | 'upsertMany' | 'isEmpty' | 'grant' | 'revoke'
    >,
    private readonly orgUnits: Pick<
      OrgUnitsRepository,
      'upsertMany' | 'stampImport' | 'importVersion'
    >,
    private readonly now: () => number = Date.now,
  ) {
    this.byObjectId = new LruCache(PERSON_CACHE.maxEntries, PERSON_CACHE.ttlMs, now);
  }

  /** Writes validated people and their org units; re-running the same import changes nothing. */
  async importPeople(people: readonly Person[]): Promise<ImportSummary> {
    const units = orgUnitsOf(people.map((p) => p.orgUnitPath));
    await this.orgUnits.upsertMany(units);
    await this.people.upsertMany(people);
    // After the people: an instance that sees the new stamp reads the new people.
    await this.orgUnits.stampImport(new Date(this.now()));
    this.dropCache();
    return { people: people.length, orgUnits: units.length };
  }

  /**
   * Grants or takes back a role held in the app (a facilitator), kept across imports. Takes effect
   * on every instance within about a second, as an import does; the caller records why in the
   * audit log. Whether it changed anything.
   */
  async setRole(objectId: string, role: GrantedRole, held: boolean): Promise<boolean> {
    const changed = held
      ? await this.people.grant(objectId, role)
      : await this.people.revoke(objectId, role);
    if (changed) {
      await this.orgUnits.stampImport(new Date(this.now()));
      this.dropCache();
    }
    return changed;
  }

  /** Finds who is talking to the bot or calling the API, by Entra object id, then by UPN. */
  async find(ids: { objectId?: string; upn?: string }): Promise<Person | undefined> {
    const byObjectId = ids.objectId ? await this.findByObjectId(ids.objectId) : undefined;
    if (byObjectId) return byObjectId;
    return ids.upn ? this.people.byUpn(ids.upn) : undefined;
  }

  private async findByObjectId(objectId: string): Promise<Person | undefined> {
    await this.checkStamp();
    const key = objectId.toLowerCase();
    const cached = this.byObjectId.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const generation = this.generation;
    const person = await this.people.byObjectId(key);
    if (generation === this.generation) this.byObjectId.set(key, person ?? null);
    return person;
  }

  private async checkStamp(): Promise<void> {
    if (this.now() - this.stamp.readAt < PERSON_CACHE.stampCheckMs) return;
    this.stampRead ??= this.orgUnits
      .importVersion()
      .then((version) => {
        if (version !== this.stamp.version) this.dropCache();
        this.stamp = { version, readAt: this.now() };
      })
      .finally(() => {
        this.stampRead = undefined;
      });
    await this.stampRead;
  }

  private dropCache(): void {
    this.byObjectId.clear();
    this.generation++;
  }

  async isEmpty(): Promise<boolean> {
    return this.people.isEmpty();
  }
}
