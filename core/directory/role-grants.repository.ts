import { EntityTable, odata, type EntityMapping } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import { personId, personPartition, RoleSchema, type Role } from './person';

/**
 * Roles granted in the app (a facilitator, on acceptance), beside the roles HR's import gives: an
 * import replaces the people table's rows and never touches these. Keyed like the people table
 * (hash bucket, encoded person id), so an audience's range read of people reads the same range
 * here, and a lookup by id is one more point read.
 */
export const ROLE_GRANTS_TABLE = 'rolegrants';

export type GrantedRole = Exclude<Role, 'employee' | 'manager'>;

export interface RoleGrant {
  objectId: string;
  roles: GrantedRole[];
}

const keysOf = (objectId: string) => {
  const id = personId({ objectId });
  return { partitionKey: personPartition(id), rowKey: encodeKey(id) };
};

const mapping: EntityMapping<RoleGrant> = {
  keys: (grant) => keysOf(grant.objectId),
  toEntity: (grant) => ({ objectId: grant.objectId, roles: grant.roles.join(',') }),
  fromEntity: (entity) => ({
    objectId: String(entity.objectId),
    roles: (typeof entity.roles === 'string' ? entity.roles : '')
      .split(',')
      .filter((role) => role !== '')
      .map((role) => RoleSchema.parse(role)),
  }),
};

export class RoleGrantsRepository {
  private readonly table: EntityTable<RoleGrant>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(ROLE_GRANTS_TABLE), mapping);
  }

  async of(objectId: string): Promise<GrantedRole[]> {
    const { partitionKey, rowKey } = keysOf(objectId.toLowerCase());
    return (await this.table.get(partitionKey, rowKey))?.value.roles ?? [];
  }

  /** The grants in a range of people's hash buckets, by object id. */
  async inBuckets([first, last]: [string, string]): Promise<Map<string, GrantedRole[]>> {
    const rows = await this.table.all(odata`PartitionKey ge ${first} and PartitionKey le ${last}`);
    return new Map(rows.map(({ value }) => [value.objectId, value.roles]));
  }

  /** Every grant, by object id (hundreds at most: facilitators). */
  async all(): Promise<Map<string, GrantedRole[]>> {
    return new Map((await this.table.all()).map(({ value }) => [value.objectId, value.roles]));
  }

  /** Whether the grant changed anything. */
  async grant(objectId: string, role: GrantedRole): Promise<boolean> {
    const id = objectId.toLowerCase();
    let changed = false;
    await this.table.modify(keysOf(id), (current) => {
      changed = !current?.roles.includes(role);
      return changed ? { objectId: id, roles: [...(current?.roles ?? []), role] } : undefined;
    });
    return changed;
  }

  /** Whether the person held the role. */
  async revoke(objectId: string, role: GrantedRole): Promise<boolean> {
    const id = objectId.toLowerCase();
    let changed = false;
    await this.table.modify(keysOf(id), (current) => {
      changed = current?.roles.includes(role) ?? false;
      return changed
        ? { objectId: id, roles: current!.roles.filter((r) => r !== role) }
        : undefined;
    });
    return changed;
  }
}

/** A person's roles from the import and from the app, each once. */
export function withGrants<P extends { roles: GrantedRole[] }>(
  person: P,
  granted: readonly GrantedRole[] | undefined,
): P {
  if (!granted || granted.length === 0) return person;
  return { ...person, roles: [...new Set([...person.roles, ...granted])] };
}
