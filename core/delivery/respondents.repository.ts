import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';

/**
 * Who has completed what, and nothing else: reminders go to the people not listed here.
 * PartitionKey the person's pseudonym (erased with the rest of their data), RowKey the subject
 * (an assessment or survey campaign id). Never holds answers. Read by point (reminders, per
 * recipient), by pseudonym (erasure) and by subject (an invitation's audience, a preview).
 */
export const RESPONDENTS_TABLE = 'respondents';

export interface Respondent {
  pseudonym: string;
  subject: string;
  completedAt: Date;
}

const mapping: EntityMapping<Respondent> = {
  keys: (r) => ({ partitionKey: r.pseudonym, rowKey: encodeKey(r.subject) }),
  toEntity: (r) => ({ subject: r.subject, completedAt: r.completedAt }),
  fromEntity: (e) => ({
    pseudonym: String(e.partitionKey),
    subject: String(e.subject),
    completedAt: asDate(e.completedAt),
  }),
};

export class RespondentsRepository {
  private readonly table: EntityTable<Respondent>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(RESPONDENTS_TABLE), mapping);
  }

  async record(pseudonym: string, subject: string, completedAt: Date): Promise<void> {
    await this.table.upsert({ pseudonym, subject, completedAt });
  }

  /** Whether the person completed `subject` (one point read). */
  async has(pseudonym: string, subject: string): Promise<boolean> {
    return (await this.table.get(pseudonym, encodeKey(subject))) !== undefined;
  }

  /**
   * The pseudonyms of everyone who completed `subject`: one query answering only the matches
   * (the service scans the RowKeys), where a whole audience would otherwise read once per person.
   */
  async pseudonymsOf(subject: string): Promise<Set<string>> {
    const rows = await this.table.all(odata`RowKey eq ${encodeKey(subject)}`);
    const found = new Set(rows.map(({ value }) => value.pseudonym));
    return found;
  }

  /** What the person completed, and when ("my data"). */
  async ofPerson(pseudonym: string): Promise<Respondent[]> {
    return (await this.table.all(odata`PartitionKey eq ${pseudonym}`)).map((row) => row.value);
  }

  /** Rows of completions before `cutoff` (the retention purge). */
  completedBefore(cutoff: Date): AsyncGenerator<Stored<Respondent>> {
    return this.table.query(odata`completedAt lt ${cutoff}`);
  }

  async delete(row: Stored<Respondent>): Promise<boolean> {
    return this.table.delete(mapping.keys(row.value), row.etag);
  }

  async eraseAll(pseudonym: string): Promise<void> {
    const rows = await this.table.all(odata`PartitionKey eq ${pseudonym}`);
    for (const row of rows) await this.table.delete(mapping.keys(row.value), row.etag);
  }
}
