import { createHash, randomBytes, randomInt } from 'node:crypto';
import {
  EntityTable,
  MAX_BATCH,
  odata,
  type EntityMapping,
  type Stored,
  type TableOperation,
} from '../store/entity-table';
import { encodeKey, decodeKey } from '../store/keys';
import { retryOnConflict } from '../store/retry';
import type { TableStore } from '../store/table-store';
import type { PoolCipher } from './pool-cipher';
import type { Answers, SurveyQuestion } from './survey';
import { addToTally, emptyTally, type Tally } from './tally';

/**
 * Everything a survey's answers become, in one partition per survey (PartitionKey the survey id)
 * so that a batch is written in one transaction, all or nothing:
 * - `pool|<department>|<shard>`: the answers held until a shuffled batch of the department is
 *   written, sealed (see {@link PoolCipher}); a few shards so that submissions seldom collide;
 * - `tally|<department>`: the pre-aggregated responses results read;
 * - `answer|<department>|<random id>`: one response (department, answers; texts in `t_<question>`
 *   columns so that results read one question's texts). An identified survey's row also names the
 *   respondent's pseudonym; an anonymous one's holds nothing else: no id, no pseudonym, no time.
 */
export const SURVEY_ANSWERS_TABLE = 'surveyanswers';

/** Pool rows per department, one picked at random per submission. */
export const POOL_SHARDS = 8;
/** Azure Tables' string properties hold 32K UTF-16 characters: the sealed pool is cut in chunks. */
const CHUNK = 30_000;

/** One response held in the pool: `nonce` (from the card) makes a retried Submit hold it once. */
export interface HeldAnswer {
  id: string;
  nonce: string;
  department: string;
  answers: Answers;
}

/** A pool shard's row and its read, started before the response is held there. */
export interface PoolSlot {
  keys: { partitionKey: string; rowKey: string };
  shard: number;
  read: Promise<Stored<Row> | undefined>;
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
      if (row.kind === 'pool') {
        const sealed = cipher.seal(row.surveyId, JSON.stringify(row.held));
        const chunks: Record<string, string> = {};
        for (let i = 0; i * CHUNK < sealed.length; i++) {
          chunks[`p${i}`] = sealed.slice(i * CHUNK, (i + 1) * CHUNK);
        }
        return { department: row.department, held: row.held.length, ...chunks };
      }
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
        let sealed = '';
        for (let i = 0; typeof e[`p${i}`] === 'string'; i++) sealed += String(e[`p${i}`]);
        const held = sealed ? (JSON.parse(cipher.open(surveyId, sealed)) as HeldAnswer[]) : [];
        const shard = Number(rowKey.slice(rowKey.lastIndexOf('|') + 1));
        return { kind: 'pool', surveyId, department: String(e.department), shard, held };
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

  constructor(store: TableStore, cipher: PoolCipher) {
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
   * Where a response will be held: a shard of its department's pool, picked by the nonce (random,
   * so its shard is too; a retry of the same Submit meets the same row), and that row's read,
   * started now so that it goes beside the request's other reads.
   */
  poolSlot(surveyId: string, department: string, nonce: string): PoolSlot {
    const shard = createHash('sha256').update(nonce).digest()[0]! % POOL_SHARDS;
    const keys = { partitionKey: surveyId, rowKey: `${poolPrefix(department)}${shard}` };
    return { keys, shard, read: this.table.get(keys.partitionKey, keys.rowKey) };
  }

  /**
   * Holds one response at a random place of its shard (`slot`, read already); a second hold of
   * the same nonce (a Submit retried after a failure) changes nothing.
   */
  async hold(surveyId: string, answer: Omit<HeldAnswer, 'id'>, slot: PoolSlot): Promise<void> {
    const { keys, shard, read } = slot;
    await this.table.modify(
      keys,
      (current) => {
        const held = current?.kind === 'pool' ? current.held : [];
        if (held.some((h) => h.nonce === answer.nonce)) return undefined;
        const next = [...held];
        next.splice(randomInt(held.length + 1), 0, { id: randomAnswerId(), ...answer });
        return { kind: 'pool', surveyId, department: answer.department, shard, held: next };
      },
      undefined,
      read,
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
      const ids = new Set(batch.map((b) => b.id));
      const ops: TableOperation<Row>[] = [];
      for (const { value, etag } of pools) {
        if (value.kind !== 'pool' || !value.held.some((h) => ids.has(h.id))) continue;
        const held = value.held.filter((h) => !ids.has(h.id));
        ops.push({ op: 'update', value: { ...value, held }, etag });
      }
      ops.push(...(await this.tallyOps(surveyId, questions, batch)));
      for (const b of batch) {
        ops.push({ op: 'insert', value: { kind: 'answer', surveyId, ...answerRow(questions, b) } });
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
