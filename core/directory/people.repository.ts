import { EntityTable, odata, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import {
  formatOrgUnitPath,
  parseOrgUnitPath,
  personId,
  personPartition,
  PersonSchema,
  type Person,
} from './person';
import { RoleGrantsRepository, withGrants, type GrantedRole } from './role-grants.repository';

/**
 * People, read by id on every bot turn and tab request, with the roles granted in the app
 * ({@link RoleGrantsRepository}) added to those of the import.
 * PartitionKey: a hash bucket of the id (256 buckets) spreads load and lets an import write
 * batches of 100; RowKey: the encoded person id ("oid:<guid>" or "upn:<upn>").
 */
export const PEOPLE_TABLE = 'people';

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
  private readonly grants: RoleGrantsRepository;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(PEOPLE_TABLE), mapping);
    this.grants = new RoleGrantsRepository(store);
  }

  async byObjectId(objectId: string): Promise<Person | undefined> {
    const id = objectId.toLowerCase();
    const [person, grants] = await Promise.all([
      this.byId(personId({ objectId: id })),
      this.grants.of(id),
    ]);
    return person && withGrants(person, grants);
  }

  async byUpn(upn: string): Promise<Person | undefined> {
    const person = await this.byId(personId({ upn: upn.toLowerCase() }));
    return person?.objectId ? withGrants(person, await this.grants.of(person.objectId)) : person;
  }

  /** Everyone in a range of hash buckets ("b00"…"bff"): campaigns expand their audience so. */
  async inBuckets([first, last]: [string, string]): Promise<Person[]> {
    const [rows, grants] = await Promise.all([
      this.table.all(odata`PartitionKey ge ${first} and PartitionKey le ${last}`),
      this.grants.inBuckets([first, last]),
    ]);
    return rows.map(({ value }) => withGrants(value, grants.get(value.objectId ?? '')));
  }

  /** Whether anyone matches, reading only until the first match. */
  async some(predicate: (person: Person) => boolean): Promise<boolean> {
    const grants = await this.grants.all();
    for await (const { value } of this.table.query()) {
      if (predicate(withGrants(value, grants.get(value.objectId ?? '')))) return true;
    }
    return false;
  }

  /**
   * Everyone who matches, reading the whole directory once: for the few (the managers and the
   * programme team when an acceptance asks who approves it).
   */
  async where(predicate: (person: Person) => boolean): Promise<Person[]> {
    const grants = await this.grants.all();
    const found: Person[] = [];
    for await (const { value } of this.table.query()) {
      const person = withGrants(value, grants.get(value.objectId ?? ''));
      if (predicate(person)) found.push(person);
    }
    return found;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.table.first()) === undefined;
  }

  /** Grants a role in the app (kept across imports); whether it changed anything. */
  async grant(objectId: string, role: GrantedRole): Promise<boolean> {
    return this.grants.grant(objectId, role);
  }

  /** Takes back a role granted in the app; whether the person held it. */
  async revoke(objectId: string, role: GrantedRole): Promise<boolean> {
    return this.grants.revoke(objectId, role);
  }

  /** The roles granted in the app to a person (their "my data"). */
  async grantsOf(objectId: string): Promise<GrantedRole[]> {
    return this.grants.of(objectId);
  }

  async upsertMany(people: readonly Person[]): Promise<void> {
    await this.table.upsertMany(people);
  }

  private async byId(id: string): Promise<Person | undefined> {
    return (await this.table.get(personPartition(id), encodeKey(id)))?.value;
  }
}
