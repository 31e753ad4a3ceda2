import { ConcurrencyError } from '../store/errors';
import type { LabMilestone, LabNote, LabTask, VersionedTask } from './board';
import type { BoardRepository } from './board.repository';
import { canEditBoard, roleIn, type Actor, type Lab } from './lab';
import type { NewMilestone, NewTask, TaskChange } from './lab-inputs';
import { LabError, StaleTaskError } from './labs-errors';
import { newId, type LabsService } from './labs.service';

/**
 * The board: tasks (column, order, assignees who are members, due date, milestone), milestones
 * and the log of notes and decisions. Members, leads and admins edit; a task is written only if
 * it is still the version the editor saw (`If-Match`), else the editor gets it as it is now.
 */
export class BoardService {
  private readonly now: () => Date;

  constructor(
    private readonly deps: { labs: LabsService; board: BoardRepository; now?: () => Date },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async addTask(labId: string, input: NewTask, actor: Actor): Promise<VersionedTask> {
    const lab = await this.editable(labId, actor);
    this.checkAssignees(lab, input.assignees ?? []);
    const column = input.column ?? 'todo';
    const board = await this.deps.board.board(labId);
    const last = Math.max(
      0,
      ...board.tasks.filter((t) => t.task.column === column).map((t) => t.task.order),
    );
    const now = this.now();
    const task: LabTask = {
      labId,
      id: newId(),
      title: input.title,
      description: input.description ?? '',
      column,
      order: input.order ?? last + 1,
      assignees: [...new Set(input.assignees ?? [])],
      ...(input.dueDate ? { dueDate: input.dueDate } : {}),
      ...(input.milestoneId ? { milestoneId: input.milestoneId } : {}),
      updatedAt: now,
      ...(column === 'done' ? { doneAt: now } : {}),
    };
    return this.deps.board.insertTask(task);
  }

  /** Changes a task if it still has `etag`; {@link StaleTaskError} with the current one if not. */
  async changeTask(
    labId: string,
    taskId: string,
    change: TaskChange,
    etag: string,
    actor: Actor,
  ): Promise<VersionedTask> {
    const lab = await this.editable(labId, actor);
    const current = await this.deps.board.task(labId, taskId);
    if (!current) throw new LabError('taskNotFound');
    if (current.etag !== etag) throw new StaleTaskError(current.task, current.etag);
    if (change.assignees) this.checkAssignees(lab, change.assignees);
    const now = this.now();
    const task: LabTask = { ...current.task, updatedAt: now };
    if (change.title !== undefined) task.title = change.title;
    if (change.description !== undefined) task.description = change.description;
    if (change.order !== undefined) task.order = change.order;
    if (change.assignees !== undefined) task.assignees = [...new Set(change.assignees)];
    if (change.column !== undefined && change.column !== task.column) {
      task.column = change.column;
      if (change.column === 'done') task.doneAt = now;
      else delete task.doneAt;
    }
    if (change.dueDate === null) delete task.dueDate;
    else if (change.dueDate !== undefined) task.dueDate = change.dueDate;
    if (change.milestoneId === null) delete task.milestoneId;
    else if (change.milestoneId !== undefined) task.milestoneId = change.milestoneId;
    try {
      return await this.deps.board.updateTask(task, etag);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const fresh = await this.deps.board.task(labId, taskId);
      if (!fresh) throw new LabError('taskNotFound');
      throw new StaleTaskError(fresh.task, fresh.etag);
    }
  }

  async deleteTask(labId: string, taskId: string, etag: string, actor: Actor): Promise<void> {
    await this.editable(labId, actor);
    const current = await this.deps.board.task(labId, taskId);
    if (!current) throw new LabError('taskNotFound');
    if (current.etag !== etag) throw new StaleTaskError(current.task, current.etag);
    try {
      await this.deps.board.deleteTask(labId, taskId, etag);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      const fresh = await this.deps.board.task(labId, taskId);
      if (!fresh) return;
      throw new StaleTaskError(fresh.task, fresh.etag);
    }
  }

  async addMilestone(labId: string, input: NewMilestone, actor: Actor): Promise<LabMilestone> {
    await this.editable(labId, actor);
    const milestone: LabMilestone = {
      labId,
      id: newId(),
      title: input.title,
      ...(input.dueDate ? { dueDate: input.dueDate } : {}),
      reached: input.reached ?? false,
    };
    await this.deps.board.saveMilestone(milestone);
    return milestone;
  }

  async changeMilestone(
    labId: string,
    id: string,
    change: Partial<NewMilestone>,
    actor: Actor,
  ): Promise<LabMilestone> {
    await this.editable(labId, actor);
    const current = await this.deps.board.milestone(labId, id);
    if (!current) throw new LabError('milestoneNotFound');
    const next: LabMilestone = { ...current };
    if (change.title !== undefined) next.title = change.title;
    if (change.reached !== undefined) next.reached = change.reached;
    if (change.dueDate === null) delete next.dueDate;
    else if (change.dueDate !== undefined) next.dueDate = change.dueDate;
    await this.deps.board.saveMilestone(next);
    return next;
  }

  async deleteMilestone(labId: string, id: string, actor: Actor): Promise<void> {
    await this.editable(labId, actor);
    if (!(await this.deps.board.milestone(labId, id))) throw new LabError('milestoneNotFound');
    await this.deps.board.deleteMilestone(labId, id);
  }

  async addNote(
    labId: string,
    input: Pick<LabNote, 'kind' | 'text'>,
    actor: Actor,
  ): Promise<LabNote> {
    await this.editable(labId, actor);
    const note: LabNote = { labId, id: newId(), ...input, author: actor.objectId, at: this.now() };
    await this.deps.board.insertNote(note);
    return note;
  }

  private async editable(labId: string, actor: Actor): Promise<Lab> {
    const lab = await this.deps.labs.visible(labId, actor);
    if (!canEditBoard(lab, actor)) throw new LabError('forbidden');
    if (lab.status === 'concluded') throw new LabError('concluded');
    return lab;
  }

  private checkAssignees(lab: Lab, assignees: readonly string[]): void {
    if (assignees.some((a) => !roleIn(lab, a))) throw new LabError('notMember');
  }
}
