import { asDate, EntityTable, odata, type EntityMapping } from '../store/entity-table';
import { encodeKey, invertedTimestamp } from '../store/keys';
import type { TableStore } from '../store/table-store';
import type { Board, LabMilestone, LabNote, LabNoteKind, LabTask, VersionedTask } from './board';
import type { LabColumn } from './lab';
import type { LabVersions } from './lab-versions';

/**
 * A lab's board in one partition (PartitionKey the lab id): tasks (RowKey `t_<id>`), milestones
 * (`m_<id>`) and the log of notes and decisions (`n_<inverted time>_<id>`, newest first). Opening a
 * lab reads its board with one partition query; the cross-lab view scans the table.
 */
export const LAB_BOARD_TABLE = 'labboard';

type Item =
  | { row: 'task'; task: LabTask }
  | { row: 'milestone'; milestone: LabMilestone }
  | { row: 'note'; note: LabNote };

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const taskKey = (id: string) => `t_${encodeKey(id)}`;
const milestoneKey = (id: string) => `m_${encodeKey(id)}`;

function keys(item: Item): { partitionKey: string; rowKey: string } {
  switch (item.row) {
    case 'task':
      return { partitionKey: encodeKey(item.task.labId), rowKey: taskKey(item.task.id) };
    case 'milestone':
      return {
        partitionKey: encodeKey(item.milestone.labId),
        rowKey: milestoneKey(item.milestone.id),
      };
    case 'note':
      return {
        partitionKey: encodeKey(item.note.labId),
        rowKey: `n_${invertedTimestamp(item.note.at)}_${encodeKey(item.note.id)}`,
      };
  }
}

const mapping: EntityMapping<Item> = {
  keys,
  toEntity: (item) => {
    switch (item.row) {
      case 'task': {
        const { task } = item;
        return {
          row: 'task',
          title: task.title,
          description: task.description,
          column: task.column,
          order: task.order,
          assignees: JSON.stringify(task.assignees),
          dueDate: task.dueDate,
          milestoneId: task.milestoneId,
          updatedAt: task.updatedAt,
          doneAt: task.doneAt,
        };
      }
      case 'milestone': {
        const { milestone } = item;
        const { title, dueDate, reached } = milestone;
        return { row: 'milestone', title, dueDate, reached };
      }
      case 'note': {
        const { note } = item;
        return { row: 'note', kind: note.kind, text: note.text, author: note.author, at: note.at };
      }
    }
  },
  fromEntity: (e) => {
    const labId = decodeURIComponent(String(e.partitionKey));
    const key = String(e.rowKey);
    const id = decodeURIComponent(key.slice(key.lastIndexOf('_') + 1));
    const dueDate = optionalString(e.dueDate);
    if (e.row === 'task') {
      const milestoneId = optionalString(e.milestoneId);
      const task: LabTask = {
        labId,
        id,
        title: String(e.title),
        description: typeof e.description === 'string' ? e.description : '',
        column: String(e.column) as LabColumn,
        order: Number(e.order ?? 0),
        assignees: JSON.parse(typeof e.assignees === 'string' ? e.assignees : '[]') as string[],
        ...(dueDate ? { dueDate } : {}),
        ...(milestoneId ? { milestoneId } : {}),
        updatedAt: asDate(e.updatedAt),
        ...(e.doneAt ? { doneAt: asDate(e.doneAt) } : {}),
      };
      return { row: 'task', task };
    }
    if (e.row === 'milestone') {
      const milestone: LabMilestone = {
        labId,
        id,
        title: String(e.title),
        ...(dueDate ? { dueDate } : {}),
        reached: e.reached === true,
      };
      return { row: 'milestone', milestone };
    }
    const note: LabNote = {
      labId,
      id,
      kind: String(e.kind) as LabNoteKind,
      text: String(e.text),
      author: String(e.author),
      at: asDate(e.at),
    };
    return { row: 'note', note };
  },
};

export class BoardRepository {
  private readonly table: EntityTable<Item>;

  /** Every write bumps the lab's version (after it), so cached views of the lab are rebuilt. */
  constructor(
    store: TableStore,
    private readonly versions: LabVersions,
  ) {
    this.table = new EntityTable(store.client(LAB_BOARD_TABLE), mapping);
  }

  /** The whole board of a lab: one partition query. */
  async board(labId: string): Promise<Board> {
    const board: Board = { tasks: [], milestones: [], notes: [] };
    for await (const { value, etag } of this.table.query(
      odata`PartitionKey eq ${encodeKey(labId)}`,
    )) {
      if (value.row === 'task') board.tasks.push({ task: value.task, etag });
      else if (value.row === 'milestone') board.milestones.push(value.milestone);
      else board.notes.push(value.note);
    }
    return board;
  }

  /** Every task of every lab (the cross-lab view and the weekly summaries). */
  async allTasks(): Promise<LabTask[]> {
    const rows = await this.table.all(odata`row eq 'task'`);
    return rows.flatMap(({ value }) => (value.row === 'task' ? [value.task] : []));
  }

  async task(labId: string, id: string): Promise<VersionedTask | undefined> {
    const found = await this.table.get(encodeKey(labId), taskKey(id));
    return found?.value.row === 'task' ? { task: found.value.task, etag: found.etag } : undefined;
  }

  async insertTask(task: LabTask): Promise<VersionedTask> {
    const etag = await this.table.insert({ row: 'task', task });
    await this.versions.bump(task.labId);
    return { task, etag };
  }

  /** Writes `task` only if it still has `etag`; ConcurrencyError otherwise. */
  async updateTask(task: LabTask, etag: string): Promise<VersionedTask> {
    const next = await this.table.update({ row: 'task', task }, etag);
    await this.versions.bump(task.labId);
    return { task, etag: next };
  }

  async deleteTask(labId: string, id: string, etag: string): Promise<boolean> {
    const deleted = await this.table.delete(
      { partitionKey: encodeKey(labId), rowKey: taskKey(id) },
      etag,
    );
    await this.versions.bump(labId);
    return deleted;
  }

  async milestone(labId: string, id: string): Promise<LabMilestone | undefined> {
    const found = await this.table.get(encodeKey(labId), milestoneKey(id));
    return found?.value.row === 'milestone' ? found.value.milestone : undefined;
  }

  async saveMilestone(milestone: LabMilestone): Promise<void> {
    await this.table.upsert({ row: 'milestone', milestone });
    await this.versions.bump(milestone.labId);
  }

  async deleteMilestone(labId: string, id: string): Promise<void> {
    const found = await this.table.get(encodeKey(labId), milestoneKey(id));
    if (!found) return;
    await this.table.delete(keys(found.value), found.etag);
    await this.versions.bump(labId);
  }

  async insertNote(note: LabNote): Promise<void> {
    await this.table.insert({ row: 'note', note });
    await this.versions.bump(note.labId);
  }

  /**
   * Erasure: the person leaves every task's assignees, and notes they wrote name a former
   * member. Returns how many rows changed.
   */
  async erase(objectId: string, former: string): Promise<number> {
    let changed = 0;
    for await (const { value, etag } of this.table.query()) {
      if (value.row === 'task' && value.task.assignees.includes(objectId)) {
        const assignees = value.task.assignees.filter((a) => a !== objectId);
        await this.table.update({ row: 'task', task: { ...value.task, assignees } }, etag);
        await this.versions.bump(value.task.labId);
        changed++;
      } else if (value.row === 'note' && value.note.author === objectId) {
        await this.table.update({ row: 'note', note: { ...value.note, author: former } }, etag);
        await this.versions.bump(value.note.labId);
        changed++;
      }
    }
    return changed;
  }

  /** What the person is named in: tasks assigned, notes written ("my data"). */
  async ofPerson(objectId: string): Promise<{ tasks: LabTask[]; notes: LabNote[] }> {
    const tasks: LabTask[] = [];
    const notes: LabNote[] = [];
    for await (const { value } of this.table.query()) {
      if (value.row === 'task' && value.task.assignees.includes(objectId)) tasks.push(value.task);
      else if (value.row === 'note' && value.note.author === objectId) notes.push(value.note);
    }
    return { tasks, notes };
  }
}
