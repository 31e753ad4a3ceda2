import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { personPartition } from '../directory/person';
import type { TableStore } from '../store/table-store';
import type { Candidate } from './facilitators';

/**
 * The people who may be shortlisted, kept on every submission of the assessment: consenting
 * people with their department and the two scores, never the rest of a result. PartitionKey the
 * person's hash bucket ({@link personPartition}), RowKey their object id: a submission, a
 * withdrawal, a hand addition and an erasure are one point read; a new round's selection reads
 * the whole table in one range read (the consenting people only, never the results).
 *
 * A withdrawal leaves a marker with its time instead of the row, so that a repeated press of an
 * older submission card never brings the person back; a later submission with consent does.
 */
export const FACILITATOR_CANDIDATES_TABLE = 'facilitatorcandidates';

/** A person's latest decision: a candidate, or consent withdrawn at `at`. */
export type CandidateRow =
  { kind: 'candidate'; candidate: Candidate } | { kind: 'withdrawn'; objectId: string; at: Date };

const idOf = (row: CandidateRow) =>
  row.kind === 'candidate' ? row.candidate.objectId : row.objectId;
const atOf = (row: CandidateRow) => (row.kind === 'candidate' ? row.candidate.submittedAt : row.at);

const mapping: EntityMapping<CandidateRow> = {
  keys: (row) => ({ partitionKey: personPartition(idOf(row)), rowKey: idOf(row) }),
  toEntity: (row) =>
    row.kind === 'candidate'
      ? {
          kind: row.kind,
          department: row.candidate.department,
          digitalSkills: row.candidate.digitalSkills,
          motivation: row.candidate.motivation,
          interested: row.candidate.interested,
          at: row.candidate.submittedAt,
        }
      : { kind: row.kind, at: row.at },
  fromEntity: (e) =>
    e.kind === 'withdrawn'
      ? { kind: 'withdrawn', objectId: String(e.rowKey), at: asDate(e.at) }
      : {
          kind: 'candidate',
          candidate: {
            objectId: String(e.rowKey),
            department: String(e.department),
            digitalSkills: Number(e.digitalSkills),
            motivation: Number(e.motivation),
            interested: e.interested === true,
            submittedAt: asDate(e.at),
          },
        },
};

export class CandidatesRepository {
  private readonly table: EntityTable<CandidateRow>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(FACILITATOR_CANDIDATES_TABLE), mapping);
  }

  /**
   * A submission's outcome: the candidate, or (undefined) no consent, which deletes the row. A
   * decision older than the stored one (a repeated press after a withdrawal) changes nothing.
   * Whether a candidate left: their row was deleted by this call.
   */
  async submitted(objectId: string, at: Date, candidate: Candidate | undefined): Promise<boolean> {
    const id = objectId.toLowerCase();
    if (candidate) {
      await this.table.modify(this.keysOf(id), (current) =>
        current && atOf(current) >= at ? undefined : { kind: 'candidate', candidate },
      );
      return false;
    }
    const stored = await this.table.get(personPartition(id), id);
    if (stored?.value.kind !== 'candidate' || atOf(stored.value) > at) return false;
    return this.table.delete(this.keysOf(id), stored.etag);
  }

  /** Consent withdrawn: the person leaves the candidates at once (a marker keeps when). */
  async withdraw(objectId: string, at: Date): Promise<void> {
    const id = objectId.toLowerCase();
    await this.table.modify(this.keysOf(id), (current) =>
      current && atOf(current) > at ? undefined : { kind: 'withdrawn', objectId: id, at },
    );
  }

  /** The person as a candidate, or undefined (never consented, refused or withdrew). */
  async find(objectId: string): Promise<Candidate | undefined> {
    const row = await this.row(objectId);
    return row?.kind === 'candidate' ? row.candidate : undefined;
  }

  /** The stored decision, marker included ("my data"). */
  async row(objectId: string): Promise<CandidateRow | undefined> {
    const id = objectId.toLowerCase();
    return (await this.table.get(personPartition(id), id))?.value;
  }

  /** Every consenting person: one range read of this table. */
  async all(): Promise<Candidate[]> {
    const rows = await this.table.all(odata`kind eq ${'candidate'}`);
    return rows.flatMap(({ value }) => (value.kind === 'candidate' ? [value.candidate] : []));
  }

  async erase(objectId: string): Promise<void> {
    const id = objectId.toLowerCase();
    const stored = await this.table.get(personPartition(id), id);
    if (stored) await this.table.delete(this.keysOf(id), stored.etag);
  }

  /** Rows decided before `cutoff` (the retention purge: a candidate lives as long as a result). */
  decidedBefore(cutoff: Date): AsyncGenerator<Stored<CandidateRow>> {
    return this.table.query(odata`at lt ${cutoff}`);
  }

  async delete(row: Stored<CandidateRow>): Promise<boolean> {
    return this.table.delete(mapping.keys(row.value), row.etag);
  }

  /** Many rows at once, batched by partition (the benchmark's and the demo's seeding). */
  async upsertMany(candidates: readonly Candidate[]): Promise<void> {
    await this.table.upsertMany(candidates.map((candidate) => ({ kind: 'candidate', candidate })));
  }

  private keysOf(id: string) {
    return { partitionKey: personPartition(id), rowKey: id };
  }
}
