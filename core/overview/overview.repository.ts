import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { decodeKey, encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import type { OverviewFacts } from './overview-facts';

/**
 * The overview's pre-aggregated rows, the only thing `GET /api/v1/overview` reads besides the
 * assessment's published aggregates and the surveys' tallies. PartitionKey `facts`, RowKey
 * `facts`: the labs', ideas' and facilitators' counts (one point read per request; its etag
 * versions the cached answers). PartitionKey `weeks|<encoded campaign id>`, RowKey the ISO week
 * (`2026-W49`, sorts in time order): the participants the heat map showed by the end of that week
 * (one partition read per campaign). No person's data: counts of published groups, and the
 * titles of public ideas.
 */
export const OVERVIEW_TABLE = 'overview';

const FACTS = 'facts';
const WEEKS = 'weeks|';
/** A property holds at most 64 KiB (32,768 UTF-16 characters): long values span several. */
const CHUNK = 30_000;

export interface StoredFacts {
  facts: OverviewFacts;
  refreshedAt: Date;
}

/** Visible participant counts by `unitKey` (core/privacy/suppression), as published then. */
export interface WeekSnapshot {
  campaignId: string;
  /** ISO week, `2026-W49`. */
  week: string;
  /** Its Monday (Europe/Rome), `YYYY-MM-DD`. */
  startsOn: string;
  publishedAt: Date | null;
  counts: Record<string, number>;
}

function chunked(value: unknown): Record<string, string> {
  const json = JSON.stringify(value);
  const parts: Record<string, string> = {};
  for (let i = 0; i * CHUNK < json.length; i++)
    parts[`p${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
  return parts;
}

function unchunked<T>(entity: Record<string, unknown>): T {
  let json = '';
  for (let i = 0; typeof entity[`p${i}`] === 'string'; i++) json += String(entity[`p${i}`]);
  return JSON.parse(json) as T;
}

const factsMapping: EntityMapping<StoredFacts> = {
  keys: () => ({ partitionKey: FACTS, rowKey: FACTS }),
  toEntity: (row) => ({ refreshedAt: row.refreshedAt, ...chunked(row.facts) }),
  fromEntity: (e) => ({ refreshedAt: asDate(e.refreshedAt), facts: unchunked<OverviewFacts>(e) }),
};

const weekMapping: EntityMapping<WeekSnapshot> = {
  keys: (w) => ({ partitionKey: WEEKS + encodeKey(w.campaignId), rowKey: w.week }),
  toEntity: (w) => ({
    startsOn: w.startsOn,
    publishedAt: w.publishedAt ?? new Date(0),
    ...chunked(w.counts),
  }),
  fromEntity: (e) => {
    const publishedAt = asDate(e.publishedAt);
    return {
      campaignId: decodeKey(String(e.partitionKey).slice(WEEKS.length)),
      week: String(e.rowKey),
      startsOn: String(e.startsOn),
      publishedAt: publishedAt.getTime() === 0 ? null : publishedAt,
      counts: unchunked<Record<string, number>>(e),
    };
  },
};

export class OverviewRepository {
  private readonly facts: EntityTable<StoredFacts>;
  private readonly weeks: EntityTable<WeekSnapshot>;

  constructor(store: TableStore) {
    const client = store.client(OVERVIEW_TABLE);
    this.facts = new EntityTable(client, factsMapping);
    this.weeks = new EntityTable(client, weekMapping);
  }

  /** The counts as last refreshed, with the etag that versions them; undefined before the first. */
  readFacts(): Promise<Stored<StoredFacts> | undefined> {
    return this.facts.get(FACTS, FACTS);
  }

  async saveFacts(row: StoredFacts): Promise<void> {
    await this.facts.upsert(row);
  }

  /** A campaign's weeks, oldest first. */
  async weeksOf(campaignId: string): Promise<WeekSnapshot[]> {
    const filter = odata`PartitionKey eq ${WEEKS + encodeKey(campaignId)}`;
    return (await this.weeks.all(filter)).map((row) => row.value);
  }

  async week(campaignId: string, week: string): Promise<WeekSnapshot | undefined> {
    return (await this.weeks.get(WEEKS + encodeKey(campaignId), week))?.value;
  }

  async saveWeek(snapshot: WeekSnapshot): Promise<void> {
    await this.weeks.upsert(snapshot);
  }
}
