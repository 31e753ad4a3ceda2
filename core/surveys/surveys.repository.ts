import { randomBytes } from 'node:crypto';
import { EntityTable, type EntityMapping, type Stored } from '../store/entity-table';
import type { TableStore } from '../store/table-store';
import type { SurveyInput } from './survey';

/**
 * The surveys the programme team builds: PartitionKey `survey`, RowKey the id (few rows, read
 * whole by the list, by point otherwise). Holds the questions and the campaign bookkeeping, never
 * an answer or a respondent.
 */
export const SURVEYS_TABLE = 'surveys';
const PARTITION = 'survey';

export interface SurveyRecord extends SurveyInput {
  id: string;
  createdAt: Date;
  createdBy: string;
  /** Grows with every change before launch: a card built from an older revision is stale. */
  revision: number;
  launchedAt?: Date;
  /** The survey card's campaign, recorded (derived from the launch) before it is started. */
  campaignId?: string;
  closedAt?: Date;
  /** Scheduled reminders already started (the first `remindersSent` of `reminders`). */
  remindersSent: number;
  reminderCampaignIds: string[];
  /** Set once the answers still held at close are all written: the results are final. */
  flushedAt?: Date;
}

const DATES = ['opensAt', 'closesAt', 'createdAt', 'launchedAt', 'closedAt', 'flushedAt'] as const;

const mapping: EntityMapping<SurveyRecord> = {
  keys: (s) => ({ partitionKey: PARTITION, rowKey: s.id }),
  toEntity: (s) => ({ data: JSON.stringify(s) }),
  fromEntity: (e) => {
    const raw = JSON.parse(String(e.data)) as Record<string, unknown>;
    for (const key of DATES) if (typeof raw[key] === 'string') raw[key] = new Date(raw[key]);
    raw.reminders = (raw.reminders as string[]).map((at) => new Date(at));
    return raw as unknown as SurveyRecord;
  },
};

/** Survey ids sort by creation time and are safe in keys and URLs. */
export function newSurveyId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15).toLowerCase();
  return `s${stamp}${randomBytes(3).toString('hex')}`;
}

export class SurveysRepository {
  private readonly table: EntityTable<SurveyRecord>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(SURVEYS_TABLE), mapping);
  }

  async get(id: string): Promise<Stored<SurveyRecord> | undefined> {
    return this.table.get(PARTITION, id);
  }

  async insert(survey: SurveyRecord): Promise<void> {
    await this.table.insert(survey);
  }

  async all(): Promise<SurveyRecord[]> {
    return (await this.table.all()).map((row) => row.value);
  }

  /** Read-modify-write under conflict retry; `change` returns undefined to leave it as it is. */
  async modify(
    id: string,
    change: (survey: SurveyRecord) => SurveyRecord | undefined,
  ): Promise<SurveyRecord | undefined> {
    return this.table.modify({ partitionKey: PARTITION, rowKey: id }, (current) =>
      current ? change(current) : undefined,
    );
  }
}
