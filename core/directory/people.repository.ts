import { createHash } from 'node:crypto';
import { EntityTable, odata, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import { formatOrgUnitPath, parseOrgUnitPath, personId, PersonSchema, type Person } from './person';

/**
 * People, read by id on every bot turn and tab request.
 * PartitionKey: a hash bucket of the id (256 buckets) spreads load and lets an import write
 * batches of 100; RowKey: the encoded person id ("oid:<guid>" or "upn:<upn>").
 */
export const PEOPLE_TABLE = 'people';

/** The hash partition ("b00"…"bff") of a person id; other per-person tables reuse it. */
export function personPartition(id: string): string {
  return `b${createHash('sha256').update(id).digest('hex').slice(0, 2)}`;
}

const mapping: EntityMapping<Person> = {
  keys: (person) => {
    const id = personId(person);
    return { partitionKey: personPartition(id), rowKey: encodeKey(id) };
  },
  toEntity: (person) => ({
    objectId: person.objectId,
    upn: person.upn,
    displayName: person.displayName,
    orgUnitPath: formatOrgUnitPath(person.orgUnitPath),
    manager: person.manager,
    roles: person.roles.join(','),
    locale: person.locale,
  }),
  fromEntity: (entity) =>
    PersonSchema.parse({
      objectId: entity.objectId,
      upn: entity.upn,
      displayName: entity.displayName,
      orgUnitPath: parseOrgUnitPath(String(entity.orgUnitPath)),
      manager: entity.manager,
      roles: typeof entity.roles === 'string' && entity.roles ? entity.roles.split(',') : [],
      locale: entity.locale,
    }),
};

export class PeopleRepository {
  private readonly table: EntityTable<Person>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(PEOPLE_TABLE), mapping);
  }

  async byObjectId(objectId: string): Promise<Person | undefined> {
    return this.byId(personId({ objectId: objectId.toLowerCase() }));
  }

  async byUpn(upn: string): Promise<Person | undefined> {
    return this.byId(personId({ upn: upn.toLowerCase() }));
  }

  /** Everyone in a range of hash buckets ("b00"…"bff"): campaigns expand their audience so. */
  async inBuckets([first, last]: [string, string]): Promise<Person[]> {
    const rows = await this.table.all(odata`PartitionKey ge ${first} and PartitionKey le ${last}`);
    return rows.map(({ value }) => value);
  }

  /** Whether anyone matches, reading only until the first match. */
  async some(predicate: (person: Person) => boolean): Promise<boolean> {
    for await (const { value } of this.table.query()) if (predicate(value)) return true;
    return false;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.table.first()) === undefined;
  }

  async upsertMany(people: readonly Person[]): Promise<void> {
    await this.table.upsertMany(people);
  }

  private async byId(id: string): Promise<Person | undefined> {
    return (await this.table.get(personPartition(id), encodeKey(id)))?.value;
  }
}
