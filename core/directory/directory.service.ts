import type { PeopleRepository } from './people.repository';
import { orgUnitsOf, type OrgUnitsRepository } from './org-units.repository';
import type { Person } from './person';

export interface ImportSummary {
  people: number;
  orgUnits: number;
}

export class DirectoryService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly orgUnits: OrgUnitsRepository,
  ) {}

  /** Writes validated people and their org units; re-running the same import changes nothing. */
  async importPeople(people: readonly Person[]): Promise<ImportSummary> {
    const units = orgUnitsOf(people.map((p) => p.orgUnitPath));
    await this.orgUnits.upsertMany(units);
    await this.people.upsertMany(people);
    return { people: people.length, orgUnits: units.length };
  }

  /** Finds who is talking to the bot or calling the API, by Entra object id, then by UPN. */
  async find(ids: { objectId?: string; upn?: string }): Promise<Person | undefined> {
    const byObjectId = ids.objectId ? await this.people.byObjectId(ids.objectId) : undefined;
    if (byObjectId) return byObjectId;
    return ids.upn ? this.people.byUpn(ids.upn) : undefined;
  }

  async isEmpty(): Promise<boolean> {
    return this.people.isEmpty();
  }
}
