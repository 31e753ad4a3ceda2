import type { LabTask } from './board';
import { isoWeek, summaryDue, weeklyFigures } from './weekly';

const task = (id: string, extra: Partial<LabTask>): LabTask => ({
  labId: 'l',
  id,
  title: id,
  description: '',
  column: 'todo',
  order: 0,
  assignees: [],
  updatedAt: new Date(0),
  ...extra,
});

describe('weekly summaries', () => {
  it('names ISO weeks across a year end', () => {
    expect(isoWeek('2026-12-04')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });

  it('counts done this week, due within seven days and overdue, in the programme calendar', () => {
    const now = new Date('2026-12-07T08:30:00Z'); // Monday 09:30 in Rome
    const figures = weeklyFigures(
      [
        task('done-now', { column: 'done', doneAt: new Date('2026-12-03T10:00:00Z') }),
        task('done-before', { column: 'done', doneAt: new Date('2026-11-20T10:00:00Z') }),
        task('due', { dueDate: '2026-12-13' }),
        task('later', { dueDate: '2026-12-14' }),
        task('late', { column: 'doing', dueDate: '2026-12-06' }),
        task('late-but-done', { column: 'done', dueDate: '2026-12-01' }),
      ],
      now,
    );
    expect(figures.done.map((t) => t.id)).toEqual(['done-now']);
    expect(figures.dueNextWeek.map((t) => t.id)).toEqual(['due']);
    expect(figures.overdue.map((t) => t.id)).toEqual(['late']);
  });

  it('waits for Monday 09:00 in Rome', () => {
    expect(summaryDue(new Date('2026-12-07T07:30:00Z'))).toBe(false); // 08:30 in Rome
    expect(summaryDue(new Date('2026-12-07T08:00:00Z'))).toBe(true);
    expect(summaryDue(new Date('2026-12-08T03:00:00Z'))).toBe(true);
  });
});
