import type { LabTask } from '../../api/types';
import { boardOf, placeAt, stepOf, stepOfKey } from './board-moves';

const task = (id: string, column: LabTask['column'], order: number): LabTask => ({
  id,
  title: id,
  description: '',
  column,
  order,
  assignees: [],
  dueDate: null,
  milestoneId: null,
  updatedAt: '2026-11-01T10:00:00.000Z',
  etag: `W/"${id}"`,
});

const tasks = [
  task('a', 'todo', 1),
  task('b', 'todo', 2),
  task('c', 'todo', 3),
  task('d', 'doing', 5),
];

const after = (moved: LabTask, place: { column: LabTask['column']; order: number }) =>
  boardOf(tasks.map((t) => (t.id === moved.id ? { ...t, ...place } : t)));

describe('the board', () => {
  it('orders each column by order', () => {
    const board = boardOf([...tasks].reverse());
    expect(board.todo.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(board.doing.map((t) => t.id)).toEqual(['d']);
    expect(board.done).toEqual([]);
  });

  it('puts a task between its new neighbours, at either end, or alone', () => {
    expect(placeAt(tasks, 'c', 'todo', 1)).toEqual({ column: 'todo', order: 1.5 });
    expect(placeAt(tasks, 'a', 'doing', 0)).toEqual({ column: 'doing', order: 4 });
    expect(placeAt(tasks, 'a', 'doing', 9)).toEqual({ column: 'doing', order: 6 });
    expect(placeAt(tasks, 'a', 'done', 0)).toEqual({ column: 'done', order: 0 });
  });

  it('moves one step with the keyboard, and not past the edges', () => {
    const [a, b, c, d] = tasks as [LabTask, LabTask, LabTask, LabTask];
    expect(after(b, stepOf(tasks, b, 'up')!).todo.map((t) => t.id)).toEqual(['b', 'a', 'c']);
    expect(after(b, stepOf(tasks, b, 'down')!).todo.map((t) => t.id)).toEqual(['a', 'c', 'b']);
    expect(after(a, stepOf(tasks, a, 'right')!).doing.map((t) => t.id)).toEqual(['d', 'a']);
    expect(stepOf(tasks, a, 'up')).toBeNull();
    expect(stepOf(tasks, c, 'down')).toBeNull();
    expect(stepOf(tasks, a, 'left')).toBeNull();
    expect(stepOf(tasks, d, 'left')).toEqual({ column: 'todo', order: 4 });
  });

  it('takes Shift with an arrow as a move, and nothing else', () => {
    const key = (
      key: string,
      mods: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {},
    ) =>
      stepOfKey({ key, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    expect(key('ArrowRight', { shiftKey: true })).toBe('right');
    expect(key('ArrowUp', { shiftKey: true })).toBe('up');
    expect(key('ArrowRight')).toBeNull();
    expect(key('ArrowRight', { shiftKey: true, ctrlKey: true })).toBeNull();
    expect(key('Enter', { shiftKey: true })).toBeNull();
  });
});
