import { randomBytes, randomInt } from 'node:crypto';
import {
  EntityTable,
  MAX_BATCH,
  odata,
  type EntityMapping,
  type TableOperation,
} from '../store/entity-table';
import { assertValidKey, encodeKey, decodeKey } from '../store/keys';
import { retryOnConflict } from '../store/retry';
import type { TableStore } from '../store/table-store';
import type { PoolCipher } from './pool-cipher';
import type { Answers, SurveyQuestion } from './survey';
import { addToTally, emptyTally, type Tally } from './tally';

/**
 * Everything a survey's answers become, in one partition per survey (PartitionKey the survey id)
 * so that a batch is written in one transaction, all or nothing:
 * - `pool|<department>|<shard>`: the answers held until a shuffled batch of the department is
 *   written, one sealed column each (see {@link PoolCipher}) named by a keyed hash of the card's
 *   nonce: a Submit merges its column into the row with no read and no etag, and the row's
 *   `Timestamp` says only that one of its columns was the last written;
 * - `tally|<department>`: the pre-aggregated responses results read;
 * - `answer|<department>|<random id>`: one response (department, answers; texts in `t_<question>`
 *   columns so that results read one question's texts). An identified survey's row also names the
 *   respondent's pseudonym; an anonymous one's holds nothing else: no id, no pseudonym, no time.
 */
export const SURVEY_ANSWERS_TABLE = 'surveyanswers';

/**
 * Pool rows per department, one picked by the nonce per submission. A row holds at most 251
 * columns (Azure Tables' 252 properties, less `department`) and 1 MiB: 16 rows keep a
 * department's waiting answers (about 90 written a minute while open) far from either.
 */
export const POOL_SHARDS = 16;
/** A held answer's column: `h_` and the keyed hash of its card's nonce. */
const HELD_PREFIX = 'h_';

/**
 * One response held in the pool. `slot` (its column, a keyed hash of the card's nonce) makes a
 * retried Submit hold it once; `id` is drawn at random for its answer row, derived from nothing.
 */
export interface HeldAnswer {
  slot: string;
  id: string;
  department: string;
  answers: Answers;
}

export interface AnswerRow {
  id: string;
  department: string;
  /** The answers but texts. */
  answers: Answers;
  /** The texts of text questions, by column (`t_<question>`). */
  texts: Record<string, string>;
  /** Identified surveys only: the respondent's pseudonym. */
  respondent?: string;
}

type Row =
  | { kind: 'pool'; surveyId: string; department: string; shard: number; held: HeldAnswer[] }
  | { kind: 'tally'; surveyId: string; department: string; tally: Tally }
  | ({ kind: 'answer'; surveyId: string } & AnswerRow);

const textColumn = (questionId: string) => `t_${questionId.replace(/-/g, '_')}`;
const tallyKey = (department: string) => `tally|${encodeKey(department)}`;
const poolPrefix = (department?: string) =>
  department === undefined ? 'pool|' : `pool|${encodeKey(department)}|`;
const answerPrefix = (department?: string) =>
  department === undefined ? 'answer|' : `answer|${encodeKey(department)}|`;

function mappingOf(cipher: PoolCipher): EntityMapping<Row> {
  return {
    keys: (row) => ({
      partitionKey: row.surveyId,
      rowKey:
        row.kind === 'pool'
          ? `${poolPrefix(row.department)}${row.shard}`
          : row.kind === 'tally'
            ? tallyKey(row.department)
            : `${answerPrefix(row.department)}${row.id}`,
    }),
    toEntity: (row) => {
      if (row.kind === 'pool') return poolEntity(cipher, row.surveyId, row.department, row.held);
      if (row.kind === 'tally') {
        return { department: row.department, tally: JSON.stringify(row.tally) };
      }
      return {
        department: row.department,
        answers: JSON.stringify(row.answers),
        ...row.texts,
        ...(row.respondent ? { respondent: row.respondent } : {}),
      };
    },
    fromEntity: (e) => {
      const surveyId = String(e.partitionKey);
      const rowKey = String(e.rowKey);
      if (rowKey.startsWith('pool|')) {
        const department = String(e.department);
        const held: HeldAnswer[] = [];
        for (const [column, sealed] of Object.entries(e)) {
          if (!column.startsWith(HELD_PREFIX) || typeof sealed !== 'string') continue;
          const { id, answers } = JSON.parse(cipher.open(surveyId, sealed)) as HeldAnswer;
          held.push({ slot: column.slice(HELD_PREFIX.length), id, department, answers });
        }
        const shard = Number(rowKey.slice(rowKey.lastIndexOf('|') + 1));
        return { kind: 'pool', surveyId, department, shard, held };
      }
      if (rowKey.startsWith('tally|')) {
        return {
          kind: 'tally',
          surveyId,
          department: String(e.department),
          tally: JSON.parse(String(e.tally)) as Tally,
        };
      }
      return { kind: 'answer', surveyId, ...answerRowOf(e) };
    },
  };
}

/** A pool row's columns: its department and each held answer sealed in its own column. */
function poolEntity(
  cipher: PoolCipher,
  surveyId: string,
  department: string,
  held: readonly HeldAnswer[],
): Record<string, string> {
  const columns: Record<string, string> = { department };
  for (const { slot, id, answers } of held) {
    columns[`${HELD_PREFIX}${slot}`] = cipher.seal(surveyId, JSON.stringify({ id, answers }));
  }
  return columns;
}

/** Answers one flush writes at most: with its pool shards and tally, one transaction. */
export const MAX_FLUSH = MAX_BATCH - POOL_SHARDS - 1;

/** A random id: the only key of an answer row besides its department, derived from nothing. */
export function randomAnswerId(): string {
  return randomBytes(12).toString('hex');
}

/** A response as a row stores it: texts apart, in their columns. */
export function answerRow(
  questions: readonly SurveyQuestion[],
  row: { id: string; department: string; answers: Answers; respondent?: string },
): AnswerRow {
  const answers: Answers = {};
  const texts: Record<string, string> = {};
  for (const q of questions) {
    const value = row.answers[q.id];
    if (value === undefined) continue;
    if (q.type === 'text') texts[textColumn(q.id)] = String(value);
    else answers[q.id] = value;
  }
  return { ...row, answers, texts };
}

/** A response back from its row: the answers with the texts in place. */
export function answersOf(questions: readonly SurveyQuestion[], row: AnswerRow): Answers {
  const answers: Answers = { ...row.answers };
  for (const q of questions) {
    const text = row.texts[textColumn(q.id)];
    if (q.type === 'text' && text !== undefined) answers[q.id] = text;
  }
  return answers;
}

function answerRowOf(e: Record<string, unknown>): AnswerRow {
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(e)) {
    if (key.startsWith('t_') && typeof value === 'string') texts[key] = value;
  }
  const rowKey = String(e.rowKey);
  return {
    id: decodeKey(rowKey.slice(rowKey.lastIndexOf('|') + 1)),
    department: String(e.department),
    answers: JSON.parse(String(e.answers)) as Answers,
    texts,
    ...(typeof e.respondent === 'string' ? { respondent: e.respondent } : {}),
  };
}

export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export class SurveyAnswersRepository {
  private readonly table: EntityTable<Row>;
  private readonly client;
  /** Per survey, how many times this instance moved its tallies: results are cached by it. */
  private readonly changes = new Map<string, number>();

  constructor(
    store: TableStore,
    private readonly cipher: PoolCipher,
  ) {
    this.client = store.client(SURVEY_ANSWERS_TABLE);
    this.table = new EntityTable(this.client, mappingOf(cipher));
  }

  /**
   * The version of a survey's tallies as this instance knows it: it grows after every write here
   * that moves them (a flush, an identified response, an erasure, a rebuild), so a view cached
   * under an older version is never read again.
   */
  version(surveyId: string): number {
    return this.changes.get(surveyId) ?? 0;
  }

  /** Runs a write that moves a survey's tallies; the version grows whatever its outcome. */
  private async moving<T>(surveyId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.changes.set(surveyId, this.version(surveyId) + 1);
    }
  }

  /** How many answers each department holds for its next batch (decrypted: the app's view). */
  async heldCounts(surveyId: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (const { value } of await this.pools(surveyId)) {
      if (value.kind !== 'pool') continue;
      counts.set(value.department, (counts.get(value.department) ?? 0) + value.held.length);
    }
    return counts;
  }

  /**
   * Holds one response in its department's pool: one write, no read. Its column is a keyed hash
   * of the card's nonce (random, so its shard and column are too), merged into the shard's row
   * (created if missing) with no etag, so concurrent Submits never conflict; a Submit retried
   * after a failure writes the same column again and is held once.
   */
  async hold(
    surveyId: string,
    answer: { nonce: string; department: string; answers: Answers },
  ): Promise<void> {
    const slot = this.cipher.slotOf(surveyId, answer.nonce);
    const shard = parseInt(slot.slice(0, 8), 16) % POOL_SHARDS;
    const held = { slot, id: randomAnswerId(), ...answer };
    await this.client.upsertEntity(
      {
        partitionKey: assertValidKey(surveyId),
        rowKey: assertValidKey(`${poolPrefix(answer.department)}${shard}`),
        ...poolEntity(this.cipher, surveyId, answer.department, [held]),
      },
      'Merge',
    );
  }

  /**
   * Writes `pick(held)` of a department's held answers as answer rows in random order, adds them
   * to the department's tally and takes them out of its pool: one transaction, so a crash leaves
   * either all of it or none (the pool keeps them for the next try). At most
   * {@link MAX_FLUSH} at once. Returns how many it wrote.
   */
  async flush(
    surveyId: string,
    department: string,
    questions: readonly SurveyQuestion[],
    pick: (held: readonly HeldAnswer[]) => readonly HeldAnswer[],
  ): Promise<number> {
    return retryOnConflict(async () => {
      const pools = await this.pools(surveyId, department);
      const all = pools.flatMap(({ value }) => (value.kind === 'pool' ? value.held : []));
      const batch = shuffled(pick(all));
      if (batch.length === 0) return 0;
      if (batch.length > MAX_FLUSH) throw new RangeError(`at most ${MAX_FLUSH} answers at once`);
      const ids = new Set(batch.map((b) => b.slot));
      const ops: TableOperation<Row>[] = [];
      for (const { value, etag } of pools) {
        if (value.kind !== 'pool' || !value.held.some((h) => ids.has(h.slot))) continue;
        const held = value.held.filter((h) => !ids.has(h.slot));
        ops.push({ op: 'update', value: { ...value, held }, etag });
      }
      ops.push(...(await this.tallyOps(surveyId, questions, batch)));
      for (const { id, department: d, answers } of batch) {
        const row = answerRow(questions, { id, department: d, answers });
        ops.push({ op: 'insert', value: { kind: 'answer', surveyId, ...row } });
      }
      await this.moving(surveyId, () => this.table.transact(ops));
      return batch.length;
    });
  }

  /** An identified response: its row and its tally in one transaction. */
  async storeIdentified(
    surveyId: string,
    questions: readonly SurveyQuestion[],
    response: { department: string; answers: Answers; respondent: string },
  ): Promise<void> {
    const row = answerRow(questions, { id: randomAnswerId(), ...response });
    await retryOnConflict(async () => {
      const ops = await this.tallyOps(surveyId, questions, [response]);
      await this.moving(surveyId, () =>
        this.table.transact([
          ...ops,
          { op: 'insert', value: { kind: 'answer', surveyId, ...row } },
        ]),
      );
    });
  }

  /** Every department's tally (one range read; a survey has one row per department). */
  async tallies(surveyId: string): Promise<Map<string, Tally>> {
    const rows = await this.table.all(
      odata`PartitionKey eq ${surveyId} and RowKey ge 'tally|' and RowKey lt 'tally}'`,
    );
    const tallies = new Map<string, Tally>();
    for (const { value } of rows)
      if (value.kind === 'tally') tallies.set(value.department, value.tally);
    return tallies;
  }

  /**
   * Up to `limit` texts of a question in the departments given (all when undefined), as the rows'
   * random keys order them: no order of answering survives.
   */
  async texts(
    surveyId: string,
    questionId: string,
    departments: readonly string[] | undefined,
    limit: number,
  ): Promise<string[]> {
    const column = textColumn(questionId);
    const prefixes = departments ? departments.map(answerPrefix) : [answerPrefix()];
    const texts: string[] = [];
    for (const prefix of prefixes) {
      const filter = odata`PartitionKey eq ${surveyId} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`;
      const pages = this.client
        .listEntities<Record<string, unknown>>({ queryOptions: { filter, select: [column] } })
        .byPage({ maxPageSize: 1000 });
      for await (const page of pages) {
        for (const entity of page) {
          const text = entity[column];
          if (typeof text === 'string' && text) texts.push(text);
          if (texts.length >= limit) return texts;
        }
      }
    }
    return texts;
  }

  /** Every stored response of a survey (rebuilding its tallies, the CSV of texts). */
  async *answers(surveyId: string): AsyncGenerator<AnswerRow> {
    const pages = this.client
      .listEntities<Record<string, unknown>>({
        queryOptions: {
          filter: odata`PartitionKey eq ${surveyId} and RowKey ge 'answer|' and RowKey lt 'answer}'`,
        },
      })
      .byPage({ maxPageSize: 1000 });
    for await (const page of pages) for (const e of page) yield answerRowOf(e);
  }

  /** The tallies computed again from the stored responses, replacing the kept ones. */
  async rebuild(
    surveyId: string,
    questions: readonly SurveyQuestion[],
  ): Promise<Map<string, Tally>> {
    const tallies = new Map<string, Tally>();
    for await (const row of this.answers(surveyId)) {
      const tally = tallies.get(row.department) ?? emptyTally();
      tallies.set(row.department, addToTally(tally, questions, answersOf(questions, row)));
    }
    const kept = await this.tallies(surveyId);
    for (const department of kept.keys()) {
      if (!tallies.has(department)) tallies.set(department, emptyTally());
    }
    await this.putTallies(surveyId, tallies);
    return tallies;
  }

  /** Writes tallies whole (a rebuild; a benchmark's seed): last writer wins. */
  async putTallies(surveyId: string, tallies: ReadonlyMap<string, Tally>): Promise<void> {
    await this.moving(surveyId, () =>
      this.table.upsertMany(
        [...tallies].map(([department, tally]) => ({ kind: 'tally', surveyId, department, tally })),
      ),
    );
  }

  /** A person's identified responses (export, erasure): a scan for their pseudonym. */
  async ofRespondent(pseudonym: string): Promise<(AnswerRow & { surveyId: string })[]> {
    const rows = await this.table.all(odata`respondent eq ${pseudonym}`);
    return rows.flatMap(({ value }) => (value.kind === 'answer' ? [value] : []));
  }

  /** Deletes an identified response and takes it out of its tally, in one transaction. */
  async erase(
    surveyId: string,
    questions: readonly SurveyQuestion[],
    row: AnswerRow,
  ): Promise<void> {
    const response = { department: row.department, answers: answersOf(questions, row) };
    await retryOnConflict(async () => {
      const ops = await this.tallyOps(surveyId, questions, [response], -1);
      await this.moving(surveyId, () =>
        this.table.transact([
          ...ops,
          { op: 'delete', value: { kind: 'answer', surveyId, ...row } },
        ]),
      );
    });
  }

  private async pools(surveyId: string, department?: string) {
    const prefix = poolPrefix(department);
    return this.table.all(
      odata`PartitionKey eq ${surveyId} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`,
    );
  }

  private async tallyOps(
    surveyId: string,
    questions: readonly SurveyQuestion[],
    batch: readonly Pick<AnswerRow, 'department' | 'answers'>[],
    sign: 1 | -1 = 1,
  ): Promise<TableOperation<Row>[]> {
    const departments = [...new Set(batch.map((b) => b.department))];
    return Promise.all(
      departments.map(async (department): Promise<TableOperation<Row>> => {
        const stored = await this.table.get(surveyId, tallyKey(department));
        let tally = stored?.value.kind === 'tally' ? stored.value.tally : emptyTally();
        for (const b of batch) {
          if (b.department === department) tally = addToTally(tally, questions, b.answers, sign);
        }
        const value: Row = { kind: 'tally', surveyId, department, tally };
        return stored ? { op: 'update', value, etag: stored.etag } : { op: 'insert', value };
      }),
    );
  }
}
