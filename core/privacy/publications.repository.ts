import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { decodeKey, encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';

/**
 * What has been published of each set of aggregates (an assessment campaign, later a survey):
 * PartitionKey: the encoded scope (`assessment|<campaign id>`), read whole by every screen;
 * RowKey `state`: the publication's version, lease and date; RowKey `hidden|<dimension>`: the
 * units a dimension's published pattern hides (the next publication starts from them).
 */
export const PUBLICATIONS_TABLE = 'publications';

export interface PublicationState {
  scope: string;
  /** Grows by one each time a publication starts. */
  version: number;
  /** While a publication is being written: until when its writer holds it. */
  busyUntil: Date | null;
  /** When the last publication was completed; null before the first. */
  publishedAt: Date | null;
}

export interface HiddenUnits {
  scope: string;
  dimension: string;
  units: string[];
}

/** A property holds at most 64 KiB (32,768 UTF-16 characters): long lists span several. */
const CHUNK = 30_000;
const STATE = 'state';
const HIDDEN = 'hidden|';

const stateMapping: EntityMapping<PublicationState> = {
  keys: (s) => ({ partitionKey: encodeKey(s.scope), rowKey: STATE }),
  toEntity: (s) => ({
    version: s.version,
    busyUntil: s.busyUntil ?? new Date(0),
    publishedAt: s.publishedAt ?? new Date(0),
  }),
  fromEntity: (e) => {
    const busyUntil = asDate(e.busyUntil);
    const publishedAt = asDate(e.publishedAt);
    return {
      scope: decodeKey(String(e.partitionKey)),
      version: Number(e.version),
      busyUntil: busyUntil.getTime() === 0 ? null : busyUntil,
      publishedAt: publishedAt.getTime() === 0 ? null : publishedAt,
    };
  },
};

const hiddenMapping: EntityMapping<HiddenUnits> = {
  keys: (h) => ({ partitionKey: encodeKey(h.scope), rowKey: HIDDEN + encodeKey(h.dimension) }),
  toEntity: (h) => {
    const json = JSON.stringify(h.units);
    const parts: Record<string, string> = {};
    for (let i = 0; i * CHUNK < json.length; i++)
      parts[`p${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
    return parts;
  },
  fromEntity: (e) => {
    let json = '';
    for (let i = 0; typeof e[`p${i}`] === 'string'; i++) json += String(e[`p${i}`]);
    return {
      scope: decodeKey(String(e.partitionKey)),
      dimension: decodeKey(String(e.rowKey).slice(HIDDEN.length)),
      units: json ? (JSON.parse(json) as string[]) : [],
    };
  },
};

export class PublicationsRepository {
  private readonly states: EntityTable<PublicationState>;
  private readonly hidden: EntityTable<HiddenUnits>;

  constructor(store: TableStore) {
    const client = store.client(PUBLICATIONS_TABLE);
    this.states = new EntityTable(client, stateMapping);
    this.hidden = new EntityTable(client, hiddenMapping);
  }

  state(scope: string): Promise<Stored<PublicationState> | undefined> {
    return this.states.get(encodeKey(scope), STATE);
  }

  insertState(state: PublicationState): Promise<string> {
    return this.states.insert(state);
  }

  updateState(state: PublicationState, etag: string): Promise<string> {
    return this.states.update(state, etag);
  }

  /** Every dimension's hidden units. */
  async hiddenOf(scope: string): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    const filter = odata`PartitionKey eq ${encodeKey(scope)} and RowKey ge ${HIDDEN} and RowKey lt ${'hidden}'}`;
    for (const { value } of await this.hidden.all(filter)) found.set(value.dimension, value.units);
    return found;
  }

  /** Written only by the holder of the scope's publication (see `Publications`). */
  async saveHidden(
    scope: string,
    byDimension: ReadonlyMap<string, readonly string[]>,
  ): Promise<void> {
    await this.hidden.upsertMany(
      [...byDimension].map(([dimension, units]) => ({ scope, dimension, units: [...units] })),
    );
  }
}
