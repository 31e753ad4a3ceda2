import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import type { Lab, LabMemberEntry, LabPendingEntry, LabStatus } from './lab';
import type { LabTheme } from './themes';

/**
 * Labs, one row each (PartitionKey `lab`, RowKey the lab id): the list is one partition query,
 * a lab a point read. Its people (members, invitations, requests) sit in the row as JSON, so that
 * listing labs with their leads and the caller's place in each reads nothing else.
 */
export const LABS_TABLE = 'labs';
/** Themes admins added (PartitionKey `theme`, RowKey the id); the seeded ones are content. */
export const LAB_THEMES_TABLE = 'labthemes';

const PARTITION = 'lab';

interface PersonJson {
  o: string;
  r?: 'lead' | 'member';
  t: string;
}

const peopleJson = (entries: readonly (LabMemberEntry | LabPendingEntry)[]): string =>
  JSON.stringify(
    entries.map((e): PersonJson => ({
      o: e.objectId,
      ...('role' in e ? { r: e.role } : {}),
      t: ('since' in e ? e.since : e.at).toISOString(),
    })),
  );

const parsePeople = (value: unknown): PersonJson[] =>
  typeof value === 'string' ? (JSON.parse(value) as PersonJson[]) : [];

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const mapping: EntityMapping<Lab> = {
  keys: (lab) => ({ partitionKey: PARTITION, rowKey: encodeKey(lab.id) }),
  toEntity: (lab) => ({
    themeId: lab.themeId,
    title: lab.title,
    goal: lab.goal,
    status: lab.status,
    private: lab.private,
    startDate: lab.startDate,
    plannedEndDate: lab.plannedEndDate,
    createdAt: lab.createdAt,
    members: peopleJson(lab.members),
    invitations: peopleJson(lab.invitations),
    requests: peopleJson(lab.requests),
    teamId: lab.channel?.teamId,
    channelId: lab.channel?.channelId,
    lastUpdateAt: lab.lastUpdateAt,
    outcome: lab.outcome,
    closedAt: lab.closedAt,
  }),
  fromEntity: (e) => {
    const teamId = optionalString(e.teamId);
    const channelId = optionalString(e.channelId);
    const startDate = optionalString(e.startDate);
    const plannedEndDate = optionalString(e.plannedEndDate);
    const outcome = optionalString(e.outcome);
    return {
      id: decodeURIComponent(String(e.rowKey)),
      themeId: String(e.themeId),
      title: String(e.title),
      goal: String(e.goal),
      status: String(e.status) as LabStatus,
      private: e.private === true,
      ...(startDate ? { startDate } : {}),
      ...(plannedEndDate ? { plannedEndDate } : {}),
      createdAt: asDate(e.createdAt),
      members: parsePeople(e.members).map((p) => ({
        objectId: p.o,
        role: p.r ?? 'member',
        since: new Date(p.t),
      })),
      invitations: parsePeople(e.invitations).map((p) => ({ objectId: p.o, at: new Date(p.t) })),
      requests: parsePeople(e.requests).map((p) => ({ objectId: p.o, at: new Date(p.t) })),
      ...(teamId && channelId ? { channel: { teamId, channelId } } : {}),
      ...(e.lastUpdateAt ? { lastUpdateAt: asDate(e.lastUpdateAt) } : {}),
      ...(outcome ? { outcome } : {}),
      ...(e.closedAt ? { closedAt: asDate(e.closedAt) } : {}),
    };
  },
};

export class LabsRepository {
  private readonly table: EntityTable<Lab>;

  constructor(
    store: TableStore,
    /** `LabVersions` (which lives in this table, so it imports this module). */
    private readonly versions: { bumpList(): Promise<void> },
  ) {
    this.table = new EntityTable(store.client(LABS_TABLE), mapping);
  }

  async insert(lab: Lab): Promise<void> {
    await this.table.insert(lab);
    await this.versions.bumpList();
  }

  async get(id: string): Promise<Lab | undefined> {
    return (await this.table.get(PARTITION, encodeKey(id)))?.value;
  }

  /** The lab with its row's ETag (its settings' and people's version). */
  async versioned(id: string): Promise<Stored<Lab> | undefined> {
    return this.table.get(PARTITION, encodeKey(id));
  }

  async all(): Promise<Lab[]> {
    return (await this.table.all(odata`PartitionKey eq ${PARTITION}`)).map((row) => row.value);
  }

  /** Read-modify-write of a lab; `change` may throw to refuse (nothing is written). */
  async modify(id: string, change: (lab: Lab) => Lab | undefined): Promise<Lab | undefined> {
    let wrote = false;
    const changed = await this.table.modify(
      { partitionKey: PARTITION, rowKey: encodeKey(id) },
      (current) => {
        const next = current ? change(current) : undefined;
        wrote = next !== undefined;
        return next;
      },
    );
    if (wrote) await this.versions.bumpList();
    return changed;
  }
}

const themeMapping: EntityMapping<LabTheme> = {
  keys: (theme) => ({ partitionKey: 'theme', rowKey: encodeKey(theme.id) }),
  toEntity: (theme) => ({
    titleIt: theme.title['it-IT'],
    titleEn: theme.title['en-US'],
    descriptionIt: theme.description['it-IT'],
    descriptionEn: theme.description['en-US'],
  }),
  fromEntity: (e) => ({
    id: decodeURIComponent(String(e.rowKey)),
    title: { 'it-IT': String(e.titleIt), 'en-US': String(e.titleEn) },
    description: { 'it-IT': String(e.descriptionIt), 'en-US': String(e.descriptionEn) },
    seeded: false,
  }),
};

export class LabThemesRepository {
  private readonly table: EntityTable<LabTheme>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(LAB_THEMES_TABLE), themeMapping);
  }

  async all(): Promise<LabTheme[]> {
    return (await this.table.all(odata`PartitionKey eq 'theme'`)).map((row) => row.value);
  }

  async insert(theme: LabTheme): Promise<void> {
    await this.table.insert(theme);
  }
}
