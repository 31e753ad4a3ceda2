import type { PersonalDataHolder } from '../privacy/personal-data';
import { LAB_BOARD_TABLE } from './board.repository';
import { FORMER_MEMBER, membershipOf } from './lab';
import type { LabsFeature } from './labs-feature';
import { LABS_TABLE } from './labs.repository';
import { LAB_UPDATES_TABLE } from './updates.repository';

/**
 * A person's place in labs (member, lead, invited, asking), the tasks assigned to them and what
 * they wrote in labs' logs and timelines. Erasure takes them out of every lab and task; what they
 * wrote stays in the lab's history under "former member", so that it remains readable.
 */
export function labsData(
  labs: Pick<LabsFeature, 'labs' | 'labRows' | 'boardRows' | 'updateRows'>,
): PersonalDataHolder {
  return {
    tables: [LABS_TABLE, LAB_BOARD_TABLE, LAB_UPDATES_TABLE],
    export: async ({ objectId }) => {
      const [all, board, updates] = await Promise.all([
        labs.labRows.all(),
        labs.boardRows.ofPerson(objectId),
        labs.updateRows.byAuthor(objectId),
      ]);
      return {
        labs: all.flatMap((lab) => {
          const membership = membershipOf(lab, objectId);
          return membership ? [{ lab: lab.id, title: lab.title, membership }] : [];
        }),
        labTasks: board.tasks.map((t) => ({ lab: t.labId, title: t.title, due: t.dueDate })),
        labNotes: board.notes.map((n) => ({ lab: n.labId, kind: n.kind, text: n.text, at: n.at })),
        labUpdates: updates.map((u) => ({ lab: u.labId, title: u.title, text: u.text, at: u.at })),
      };
    },
    erase: async ({ objectId }) => {
      await labs.labs.erase(objectId);
      await labs.boardRows.erase(objectId, FORMER_MEMBER);
      await labs.updateRows.erase(objectId, FORMER_MEMBER);
    },
    leaves: 'notes, decisions and updates they wrote, signed "former member"',
  };
}
