import type { Idea } from '../ideas/idea';
import type { LabTask } from '../labs/board';
import type { Lab } from '../labs/lab';
import { facilitatorFacts, ideaFacts, labFacts } from './overview-facts';

const NOW = new Date('2026-12-05T10:00:00Z');

const lab = (id: string, themeId: string, extra: Partial<Lab> = {}): Lab => ({
  id,
  themeId,
  title: id,
  goal: 'goal',
  status: 'active',
  private: false,
  createdAt: NOW,
  members: [{ objectId: `${id}-lead`, role: 'lead', since: NOW }],
  invitations: [],
  requests: [],
  ...extra,
});

const task = (labId: string, column: LabTask['column'], dueDate?: string): LabTask => ({
  labId,
  id: `${labId}-${column}-${dueDate ?? ''}`,
  title: 't',
  description: '',
  column,
  order: 0,
  assignees: [],
  updatedAt: NOW,
  ...(dueDate ? { dueDate } : {}),
});

const idea = (id: string, extra: Partial<Idea>): Idea =>
  ({
    id,
    title: id,
    area: 'Area A',
    status: 'submitted',
    votes: 0,
    mergedInto: null,
    hidden: null,
    ...extra,
  }) as Idea;

describe('labFacts', () => {
  it('counts each theme, private labs for admins only, and keeps the newest update', () => {
    const themes = [
      { id: 'a', title: { 'it-IT': 'A', 'en-US': 'A' } },
      { id: 'b', title: { 'it-IT': 'B', 'en-US': 'B' } },
    ];
    const labs = [
      lab('l1', 'a', { lastUpdateAt: new Date('2026-11-01T00:00:00Z') }),
      lab('l2', 'a', {
        private: true,
        status: 'proposed',
        lastUpdateAt: new Date('2026-12-01T00:00:00Z'),
      }),
    ];
    const tasks = [
      task('l1', 'done'),
      task('l1', 'todo', '2026-12-01'),
      task('l2', 'doing', '2026-12-01'),
    ];
    const [a, b] = labFacts(themes, labs, tasks, NOW);
    expect(a!.all).toEqual({
      labs: 2,
      active: 1,
      members: 2,
      tasksDone: 1,
      tasksOverdue: 2,
      lastUpdateAt: '2026-12-01T00:00:00.000Z',
    });
    expect(a!.public).toEqual({
      labs: 1,
      active: 1,
      members: 1,
      tasksDone: 1,
      tasksOverdue: 1,
      lastUpdateAt: '2026-11-01T00:00:00.000Z',
    });
    expect(b!.all.labs).toBe(0);
  });
});

describe('ideaFacts', () => {
  it('leaves merged and hidden ideas out of every figure', () => {
    const stats = ideaFacts([
      idea('i1', { votes: 3, status: 'implemented' }),
      idea('i2', { votes: 9, mergedInto: 'i1' }),
      idea('i3', { votes: 8, hidden: { reason: 'r', at: NOW } }),
      idea('i4', { votes: 1, area: 'Area B' }),
    ]);
    expect(stats.total).toBe(2);
    expect(stats.funnel).toMatchObject({ implemented: 1, submitted: 1 });
    expect(stats.top.map((t) => t.id)).toEqual(['i1', 'i4']);
    expect(stats.areas.map((a) => [a.area, a.ideas])).toEqual([
      ['Area A', 1],
      ['Area B', 1],
    ]);
  });
});

describe('facilitatorFacts', () => {
  it('lists every department, with hours in exact tenths', () => {
    const rows = facilitatorFacts(
      ['B', 'A'],
      [
        { objectId: 'x', department: 'A' },
        { objectId: 'y', department: 'A' },
      ],
      (id) => (id === 'x' ? 1.5 : 0.5),
    );
    expect(rows).toEqual([
      { department: 'A', facilitators: 2, hoursTenths: 20 },
      { department: 'B', facilitators: 0, hoursTenths: 0 },
    ]);
  });
});
