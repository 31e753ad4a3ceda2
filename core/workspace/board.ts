import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { asDate, EntityTable, odata, type EntityMapping } from '../store/entity-table';
import { retryOnConflict } from '../store/retry';
import type { TableStore } from '../store/table-store';
import type { Signer } from './post';
import type { Actor } from './posts.service';
import { WorkspaceError } from './workspace-errors';

/**
 * The facilitators' community board, one table `workspaceboard`: the questions in PartitionKey
 * {@link QUESTIONS} (RowKey the question id; the list reads that partition: hundreds of rows),
 * each question's replies in PartitionKey the question id (RowKey the reply id, time-ordered:
 * a question's page reads one partition). The question row keeps the count and time of its
 * replies, so the list never reads replies.
 */
export const WORKSPACE_BOARD_TABLE = 'workspaceboard';

const QUESTIONS = 'question';

/** A text property, '' when absent. */
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const QuestionInput = z.strictObject({
  title: z.string().trim().min(3).max(140),
  text: z.string().trim().min(1).max(4_000),
});
export const ReplyInput = z.strictObject({ text: z.string().trim().min(1).max(4_000) });

export interface Question {
  id: string;
  title: string;
  text: string;
  author: Signer;
  createdAt: Date;
  activeAt: Date;
  replies: number;
  solved: boolean;
  solution: string | null;
}

export interface Reply {
  questionId: string;
  id: string;
  text: string;
  author: Signer;
  createdAt: Date;
}

type Row = { row: 'question'; question: Question } | { row: 'reply'; reply: Reply };

const signer = (value: unknown): Signer => JSON.parse(String(value)) as Signer;

const mapping: EntityMapping<Row> = {
  keys: (r) =>
    r.row === 'question'
      ? { partitionKey: QUESTIONS, rowKey: r.question.id }
      : { partitionKey: r.reply.questionId, rowKey: r.reply.id },
  toEntity: (r) =>
    r.row === 'question'
      ? {
          title: r.question.title,
          text: r.question.text,
          author: JSON.stringify(r.question.author),
          createdAt: r.question.createdAt,
          activeAt: r.question.activeAt,
          replies: r.question.replies,
          solved: r.question.solved,
          solution: r.question.solution ?? '',
        }
      : {
          text: r.reply.text,
          author: JSON.stringify(r.reply.author),
          createdAt: r.reply.createdAt,
        },
  fromEntity: (e) =>
    e.partitionKey === QUESTIONS
      ? {
          row: 'question',
          question: {
            id: String(e.rowKey),
            title: String(e.title),
            text: String(e.text),
            author: signer(e.author),
            createdAt: asDate(e.createdAt),
            activeAt: asDate(e.activeAt),
            replies: Number(e.replies ?? 0),
            solved: e.solved === true,
            solution: text(e.solution) || null,
          },
        }
      : {
          row: 'reply',
          reply: {
            questionId: String(e.partitionKey),
            id: String(e.rowKey),
            text: String(e.text),
            author: signer(e.author),
            createdAt: asDate(e.createdAt),
          },
        },
};

export const BOARD_ID = /^[0-9a-z]{9}-[0-9a-f]{8}$/;
const newId = (at: Date) =>
  `${at.getTime().toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`;

/** Questions and answers between facilitators (and admins); nobody else may read or write. */
export class CommunityBoard {
  private readonly table: EntityTable<Row>;
  private readonly now: () => Date;

  constructor(store: TableStore, now?: () => Date) {
    this.table = new EntityTable(store.client(WORKSPACE_BOARD_TABLE), mapping);
    this.now = now ?? (() => new Date());
  }

  private member(actor: Actor): void {
    if (!actor.writer) throw new WorkspaceError('writersOnly');
  }

  /** Every question, newest activity first. */
  async questions(actor: Actor): Promise<Question[]> {
    this.member(actor);
    const rows = await this.table.all(odata`PartitionKey eq ${QUESTIONS}`);
    return rows
      .flatMap((r) => (r.value.row === 'question' ? [r.value.question] : []))
      .sort((a, b) => b.activeAt.getTime() - a.activeAt.getTime());
  }

  async ask(actor: Actor, input: z.output<typeof QuestionInput>): Promise<Question> {
    this.member(actor);
    const now = this.now();
    const question: Question = {
      id: newId(now),
      ...input,
      author: { objectId: actor.objectId, name: actor.name },
      createdAt: now,
      activeAt: now,
      replies: 0,
      solved: false,
      solution: null,
    };
    await this.table.insert({ row: 'question', question });
    return question;
  }

  async question(actor: Actor, id: string): Promise<{ question: Question; replies: Reply[] }> {
    this.member(actor);
    const [found, rows] = await Promise.all([
      this.table.get(QUESTIONS, id),
      this.table.all(odata`PartitionKey eq ${id}`),
    ]);
    if (found?.value.row !== 'question') throw new WorkspaceError('questionNotFound');
    const replies = rows.flatMap((r) => (r.value.row === 'reply' ? [r.value.reply] : []));
    return { question: found.value.question, replies };
  }

  /** A reply (one level), then the question's count and activity. */
  async reply(actor: Actor, id: string, input: z.output<typeof ReplyInput>): Promise<Reply> {
    this.member(actor);
    if ((await this.table.get(QUESTIONS, id))?.value.row !== 'question') {
      throw new WorkspaceError('questionNotFound');
    }
    const now = this.now();
    const reply: Reply = {
      questionId: id,
      id: newId(now),
      text: input.text,
      author: { objectId: actor.objectId, name: actor.name },
      createdAt: now,
    };
    await this.table.insert({ row: 'reply', reply });
    await this.changeQuestion(id, async (q) => ({
      ...q,
      replies: (await this.table.all(odata`PartitionKey eq ${id}`)).length,
      activeAt: now,
    }));
    return reply;
  }

  /** "Risolto": the asker or an admin marks it solved (optionally by a reply), or reopens it. */
  async solve(actor: Actor, id: string, solved: boolean, replyId?: string): Promise<void> {
    const { question, replies } = await this.question(actor, id);
    if (question.author.objectId !== actor.objectId && !actor.admin) {
      throw new WorkspaceError('forbidden');
    }
    if (replyId && !replies.some((r) => r.id === replyId)) {
      throw new WorkspaceError('replyNotFound');
    }
    await this.changeQuestion(id, async (q) => ({
      ...q,
      solved,
      solution: solved ? (replyId ?? null) : null,
    }));
  }

  private async changeQuestion(id: string, change: (q: Question) => Promise<Question>) {
    await retryOnConflict(async () => {
      const stored = await this.table.get(QUESTIONS, id);
      if (stored?.value.row !== 'question') throw new WorkspaceError('questionNotFound');
      const question = await change(stored.value.question);
      await this.table.update({ row: 'question', question }, stored.etag);
    });
  }

  // ---- personal data ----

  /** Questions and replies one person wrote (a scan of the board: rare). */
  async signedBy(objectId: string): Promise<Row[]> {
    const rows = await this.table.all();
    return rows
      .map((r) => r.value)
      .filter(
        (r) => (r.row === 'question' ? r.question.author : r.reply.author).objectId === objectId,
      );
  }

  /** Their questions and replies stay, signed by a "former employee". */
  async erase(objectId: string): Promise<void> {
    const former: Signer = { objectId: null, name: null };
    for (const row of await this.signedBy(objectId)) {
      await this.table.upsert(
        row.row === 'question'
          ? { row: 'question', question: { ...row.question, author: former } }
          : { row: 'reply', reply: { ...row.reply, author: former } },
      );
    }
  }

  async export(objectId: string) {
    const rows = await this.signedBy(objectId);
    return {
      boardQuestions: rows.flatMap((r) =>
        r.row === 'question'
          ? [{ id: r.question.id, title: r.question.title, text: r.question.text }]
          : [],
      ),
      boardReplies: rows.flatMap((r) =>
        r.row === 'reply' ? [{ questionId: r.reply.questionId, text: r.reply.text }] : [],
      ),
    };
  }
}
