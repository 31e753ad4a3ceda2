import type { DirectoryService } from '../directory/directory.service';
import type { BoardRepository } from './board.repository';
import { canSee, isAdmin, leadsOf, type Actor, type Lab } from './lab';
import { LabError } from './labs-errors';
import type { LabsRepository } from './labs.repository';
import { overdueCount } from './weekly';

export interface OverviewRow {
  lab: Lab;
  leads: string[];
  departments: string[];
  tasksDone: number;
  tasksTotal: number;
  overdue: number;
}

/**
 * The cross-lab view for managers and admins: every lab they may see with its leads, members,
 * departments involved (from the directory today), tasks done / total and overdue. One read of
 * the labs and one scan of the boards' tasks.
 */
export class LabOverview {
  constructor(
    private readonly deps: {
      labs: LabsRepository;
      board: BoardRepository;
      directory: Pick<DirectoryService, 'find'>;
      now?: () => Date;
    },
  ) {}

  async rows(actor: Actor): Promise<OverviewRow[]> {
    if (!isAdmin(actor) && !actor.roles.includes('manager')) throw new LabError('forbidden');
    const [labs, tasks] = await Promise.all([this.deps.labs.all(), this.deps.board.allTasks()]);
    const now = this.deps.now?.() ?? new Date();
    const visible = labs
      .filter((lab) => canSee(lab, actor))
      .sort((a, b) => a.title.localeCompare(b.title));
    return Promise.all(
      visible.map(async (lab) => {
        const own = tasks.filter((t) => t.labId === lab.id);
        const people = await Promise.all(
          lab.members.map((m) => this.deps.directory.find({ objectId: m.objectId })),
        );
        const departments = [
          ...new Set(people.flatMap((p) => (p?.orgUnitPath[0] ? [p.orgUnitPath[0]] : []))),
        ].sort();
        return {
          lab,
          leads: leadsOf(lab),
          departments,
          tasksDone: own.filter((t) => t.column === 'done').length,
          tasksTotal: own.length,
          overdue: overdueCount(own, now),
        };
      }),
    );
  }
}
