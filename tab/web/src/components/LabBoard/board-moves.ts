import type { LabColumn, LabTask } from '../../api/types';
import { LAB_COLUMNS } from '../../api/labs';

export type Board = Record<LabColumn, LabTask[]>;

/** The tasks by column, each column in its order (ties by title, then id, so it never jumps). */
export function boardOf(tasks: readonly LabTask[]): Board {
  const board: Board = { todo: [], doing: [], done: [] };
  for (const task of tasks) board[task.column].push(task);
  for (const column of LAB_COLUMNS) {
    board[column].sort(
      (a, b) => a.order - b.order || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
    );
  }
  return board;
}

export interface Placement {
  column: LabColumn;
  order: number;
}

/**
 * Where `taskId` lands when put at `index` of `column` (the column without the task itself;
 * past the end: last): an order between its new neighbours.
 */
export function placeAt(
  tasks: readonly LabTask[],
  taskId: string,
  column: LabColumn,
  index: number,
): Placement {
  const others = boardOf(tasks.filter((t) => t.id !== taskId))[column];
  const at = Math.max(0, Math.min(index, others.length));
  const before = others[at - 1];
  const after = others[at];
  if (before && after) return { column, order: (before.order + after.order) / 2 };
  if (before) return { column, order: before.order + 1 };
  if (after) return { column, order: after.order - 1 };
  return { column, order: 0 };
}

/** A keyboard move: to the previous or next column (at its end), or one place up or down. */
export type Step = 'left' | 'right' | 'up' | 'down';

/** Where a step takes the task, or null when it cannot go that way. */
export function stepOf(tasks: readonly LabTask[], task: LabTask, step: Step): Placement | null {
  const columnIndex = LAB_COLUMNS.indexOf(task.column);
  if (step === 'left' || step === 'right') {
    const column = LAB_COLUMNS[columnIndex + (step === 'left' ? -1 : 1)];
    return column ? placeAt(tasks, task.id, column, Number.MAX_SAFE_INTEGER) : null;
  }
  const index = boardOf(tasks)[task.column].findIndex((t) => t.id === task.id);
  const target = index + (step === 'up' ? -1 : 1);
  const length = boardOf(tasks)[task.column].length;
  if (target < 0 || target >= length) return null;
  return placeAt(tasks, task.id, task.column, target);
}

/** The keys that move a focused task: Shift with an arrow. */
export function stepOfKey(event: {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): Step | null {
  if (!event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return null;
  const steps: Record<string, Step> = {
    ArrowLeft: 'left',
    ArrowRight: 'right',
    ArrowUp: 'up',
    ArrowDown: 'down',
  };
  return steps[event.key] ?? null;
}
