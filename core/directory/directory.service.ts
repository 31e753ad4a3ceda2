import type { PeopleRepository } from './people.repository';
import { orgUnitsOf, type OrgUnitsRepository } from './org-units.repository';
import { LruCache } from '../util/lru-cache';
import type { Person } from './person';

export interface ImportSummary {
  people: number;
  orgUnits: number;
}

/**
 * Every bot turn looks up its sender. HR imports change people rarely, so a minute of staleness
 * on another instance is harmless; this instance's own imports clear it at once.
 */
const PERSON_CACHE = { maxEntries: 10_000, ttlMs: 60_000 };

export class DirectoryService {
  private readonly byObjectId = new LruCache<string, Person | null>(
    PERSON_CACHE.maxEntries,
    PERSON_CACHE.ttlMs,
  );

  constructor(
    private readonly people: PeopleRepository,
    private readonly orgUnits: OrgUnitsRepository,
  ) {}

  /** Writes validated people and their org units; re-running the same import changes nothing. */
  async importPeople(people: readonly Person[]): Promise<ImportSummary> {
    const units = orgUnitsOf(people.map((p) => p.orgUnitPath));
    await this.orgUnits.upsertMany(units);
    await this.people.upsertMany(people);
    this.byObjectId.clear();
    return { people: people.length, orgUnits: units.length };
  }

  /** Finds who is talking to the bot or calling the API, by Entra object id, then by UPN. */
  async find(ids: { objectId?: string; upn?: string }): Promise<Person | undefined> {
    const byObjectId = ids.objectId ? await this.findByObjectId(ids.objectId) : undefined;
    if (byObjectId) return byObjectId;
    return ids.upn ? this.people.byUpn(ids.upn) : undefined;
  }

  private async findByObjectId(objectId: string): Promise<Person | undefined> {
    const key = objectId.toLowerCase();
    const cached = this.byObjectId.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const person = await this.people.byObjectId(key);
    this.byObjectId.set(key, person ?? null);
    return person;
  }

  async isEmpty(): Promise<boolean> {
    return this.people.isEmpty();
  }
}
