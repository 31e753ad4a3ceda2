import { asDate, EntityTable, odata, type EntityMapping, type Stored } from '../store/entity-table';
import { encodeKey } from '../store/keys';
import type { TableStore } from '../store/table-store';
import { formatOrgUnitPath, parseOrgUnitPath } from '../directory/person';
import { AnswersSchema, ChoicesSchema, type AssessmentResponse } from './assessment-response';
import type { AssessmentResult } from './scoring';

/**
 * One person's assessment in one campaign: answers while in progress, the result once submitted.
 * PartitionKey: the person's pseudonym (all of a person's data, for "my data" and erasure);
 * RowKey: the campaign id (one per campaign). Rebuilding aggregates scans submitted rows.
 */
export const RESPONSES_TABLE = 'responses';

const mapping: EntityMapping<AssessmentResponse> = {
  keys: (r) => ({ partitionKey: r.pseudonym, rowKey: encodeKey(r.campaignId) }),
  toEntity: (r) => ({
    campaignId: r.campaignId,
    questionnaireId: r.questionnaireId,
    version: r.version,
    orgUnitPath: r.orgUnitPath ? formatOrgUnitPath(r.orgUnitPath) : undefined,
    answers: JSON.stringify(r.answers),
    choices: JSON.stringify(r.choices),
    status: r.status,
    startedAt: r.startedAt,
    updatedAt: r.updatedAt,
    submittedAt: r.submittedAt,
    result: r.result ? JSON.stringify(r.result) : undefined,
    aggregated: r.aggregated,
  }),
  fromEntity: (e) => ({
    pseudonym: String(e.partitionKey),
    campaignId: String(e.campaignId),
    questionnaireId: String(e.questionnaireId),
    version: Number(e.version),
    orgUnitPath: typeof e.orgUnitPath === 'string' ? parseOrgUnitPath(e.orgUnitPath) : undefined,
    answers: AnswersSchema.parse(JSON.parse(String(e.answers))),
    choices: ChoicesSchema.parse(JSON.parse(String(e.choices))),
    status: e.status === 'submitted' ? 'submitted' : 'inProgress',
    startedAt: asDate(e.startedAt),
    updatedAt: asDate(e.updatedAt),
    ...(e.submittedAt ? { submittedAt: asDate(e.submittedAt) } : {}),
    ...(typeof e.result === 'string' ? { result: JSON.parse(e.result) as AssessmentResult } : {}),
    ...(typeof e.aggregated === 'boolean' ? { aggregated: e.aggregated } : {}),
  }),
};

export class ResponsesRepository {
  private readonly table: EntityTable<AssessmentResponse>;

  constructor(store: TableStore) {
    this.table = new EntityTable(store.client(RESPONSES_TABLE), mapping);
  }

  get(pseudonym: string, campaignId: string): Promise<Stored<AssessmentResponse> | undefined> {
    return this.table.get(pseudonym, encodeKey(campaignId));
  }

  insert(response: AssessmentResponse): Promise<string> {
    return this.table.insert(response);
  }

  update(response: AssessmentResponse, etag: string): Promise<string> {
    return this.table.update(response, etag);
  }

  /** False when the response was already gone. */
  async delete(response: Stored<AssessmentResponse>): Promise<boolean> {
    return this.table.delete(
      { partitionKey: response.value.pseudonym, rowKey: encodeKey(response.value.campaignId) },
      response.etag,
    );
  }

  async ofPerson(pseudonym: string): Promise<Stored<AssessmentResponse>[]> {
    return this.table.all(odata`PartitionKey eq ${pseudonym}`);
  }

  /** Responses last changed before `cutoff`, in progress or submitted (the retention purge). */
  changedBefore(cutoff: Date): AsyncGenerator<Stored<AssessmentResponse>> {
    return this.table.query(odata`updatedAt lt ${cutoff}`);
  }

  /** Every submitted response of a campaign (a full scan: for rebuilding aggregates only). */
  submitted(campaignId: string): AsyncGenerator<Stored<AssessmentResponse>> {
    return this.table.query(odata`campaignId eq ${campaignId} and status eq ${'submitted'}`);
  }
}
