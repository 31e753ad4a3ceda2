import type { Locale } from '../directory/person';
import { IDEA_STATUSES, type Idea, type IdeaStatus } from '../ideas/idea';
import type { LabTask } from '../labs/board';
import type { Lab } from '../labs/lab';
import { overdueCount } from '../labs/weekly';

/**
 * What the overview keeps pre-aggregated besides the assessment's own aggregates: counts only,
 * recomputed from raw rows by the refresh (and by `overview rebuild`, the same functions).
 */

/** One theme's labs, or every theme's. */
export interface LabStats {
  labs: number;
  active: number;
  members: number;
  tasksDone: number;
  tasksOverdue: number;
  /** ISO instant; null when none of its labs posted an update. */
  lastUpdateAt: string | null;
}

/** Per theme: every lab (admins) and the labs that are not private (managers). */
export interface ThemeLabStats {
  themeId: string;
  name: Record<Locale, string>;
  all: LabStats;
  public: LabStats;
}

export interface IdeaAreaStats {
  area: string;
  ideas: number;
  byStatus: Record<IdeaStatus, number>;
}

export interface TopIdea {
  id: string;
  title: string;
  area: string;
  status: IdeaStatus;
  votes: number;
}

export interface IdeaStats {
  total: number;
  funnel: Record<IdeaStatus, number>;
  areas: IdeaAreaStats[];
  top: TopIdea[];
}

/** A department's facilitators and their training hours this year, in tenths (exact sums). */
export interface DepartmentFacilitators {
  department: string;
  facilitators: number;
  hoursTenths: number;
}

export interface OverviewFacts {
  labs: ThemeLabStats[];
  ideas: IdeaStats;
  facilitators: DepartmentFacilitators[];
}

export const TOP_IDEAS = 5;

const noLabs = (): LabStats => ({
  labs: 0,
  active: 0,
  members: 0,
  tasksDone: 0,
  tasksOverdue: 0,
  lastUpdateAt: null,
});

function addLab(stats: LabStats, lab: Lab, tasks: readonly LabTask[], now: Date): LabStats {
  const last = lab.lastUpdateAt?.toISOString() ?? null;
  return {
    labs: stats.labs + 1,
    active: stats.active + (lab.status === 'active' ? 1 : 0),
    members: stats.members + lab.members.length,
    tasksDone: stats.tasksDone + tasks.filter((t) => t.column === 'done').length,
    tasksOverdue: stats.tasksOverdue + overdueCount(tasks, now),
    lastUpdateAt:
      last !== null && (stats.lastUpdateAt === null || last > stats.lastUpdateAt)
        ? last
        : stats.lastUpdateAt,
  };
}

/** Labs per theme (themes without labs included), themes in the order given. */
export function labFacts(
  themes: readonly { id: string; title: Record<Locale, string> }[],
  labs: readonly Lab[],
  tasks: readonly LabTask[],
  now: Date,
): ThemeLabStats[] {
  const tasksOf = new Map<string, LabTask[]>();
  for (const task of tasks) {
    const own = tasksOf.get(task.labId);
    if (own) own.push(task);
    else tasksOf.set(task.labId, [task]);
  }
  const byId = new Map<string, ThemeLabStats>(
    themes.map(({ id, title }) => [
      id,
      { themeId: id, name: title, all: noLabs(), public: noLabs() },
    ]),
  );
  for (const lab of labs) {
    let theme = byId.get(lab.themeId);
    if (!theme) {
      // A theme no longer listed still counts its labs, named by its id.
      const name = { 'it-IT': lab.themeId, 'en-US': lab.themeId };
      byId.set(
        lab.themeId,
        (theme = { themeId: lab.themeId, name, all: noLabs(), public: noLabs() }),
      );
    }
    const own = tasksOf.get(lab.id) ?? [];
    theme.all = addLab(theme.all, lab, own, now);
    if (!lab.private) theme.public = addLab(theme.public, lab, own, now);
  }
  return [...byId.values()];
}

const byStatus = (): Record<IdeaStatus, number> =>
  Object.fromEntries(IDEA_STATUSES.map((s) => [s, 0])) as Record<IdeaStatus, number>;

/** The ideas' funnel, areas and most voted: visible ideas only (merged and hidden ones not). */
export function ideaFacts(ideas: Iterable<Idea>): IdeaStats {
  const funnel = byStatus();
  const areas = new Map<string, IdeaAreaStats>();
  const visible: Idea[] = [];
  for (const idea of ideas) {
    if (idea.mergedInto !== null || idea.hidden !== null) continue;
    visible.push(idea);
    funnel[idea.status] += 1;
    let area = areas.get(idea.area);
    if (!area) areas.set(idea.area, (area = { area: idea.area, ideas: 0, byStatus: byStatus() }));
    area.ideas += 1;
    area.byStatus[idea.status] += 1;
  }
  const top = visible
    .sort((a, b) => b.votes - a.votes || a.id.localeCompare(b.id))
    .slice(0, TOP_IDEAS)
    .map(({ id, title, area, status, votes }) => ({ id, title, area, status, votes }));
  return {
    total: visible.length,
    funnel,
    areas: [...areas.values()].sort((a, b) => b.ideas - a.ideas || a.area.localeCompare(b.area)),
    top,
  };
}

/**
 * Facilitators and this year's training hours per department: every department the directory
 * lists (none there: zeros), and any a facilitator's roster row still names; by name.
 */
export function facilitatorFacts(
  departments: readonly string[],
  roster: readonly { objectId: string; department: string }[],
  hoursOf: (objectId: string) => number,
): DepartmentFacilitators[] {
  const found = new Map<string, DepartmentFacilitators>(
    departments.map((department) => [department, { department, facilitators: 0, hoursTenths: 0 }]),
  );
  for (const { objectId, department } of roster) {
    const row = found.get(department) ?? { department, facilitators: 0, hoursTenths: 0 };
    row.facilitators += 1;
    row.hoursTenths += Math.round(hoursOf(objectId) * 10);
    found.set(department, row);
  }
  return [...found.values()].sort((a, b) => a.department.localeCompare(b.department));
}
