import type { Lab, LabPerson, LabTask, LabTheme, LabUpdate } from '../src/api/types';
import { giulia, marco, sara } from './fixtures';

export const person = (p: { objectId: string; displayName: string | null }): LabPerson => ({
  objectId: p.objectId,
  displayName: p.displayName,
  former: false,
});

export const themes: LabTheme[] = [
  {
    id: 'task-management',
    title: 'Gestione condivisa delle attività',
    description: 'Un software comune per organizzare il lavoro.',
    seeded: true,
  },
  {
    id: 'payments',
    title: 'Pagamenti elettronici',
    description: 'Pagare il Comune online.',
    seeded: true,
  },
];

export function labTask(id: string, overrides: Partial<LabTask> = {}): LabTask {
  return {
    id,
    title: `Attività ${id}`,
    description: '',
    column: 'todo',
    order: 1,
    assignees: [],
    dueDate: null,
    milestoneId: null,
    updatedAt: '2026-11-02T09:00:00.000Z',
    etag: `W/"${id}-1"`,
    ...overrides,
  };
}

export const failedUpdate: LabUpdate = {
  id: 'u1',
  title: 'Primo incontro',
  text: 'Ci siamo visti e abbiamo diviso i compiti.',
  progress: 10,
  nextSteps: 'Raccogliere i requisiti.',
  mentions: [],
  author: person(sara),
  at: '2026-11-03T10:00:00.000Z',
  post: { state: 'failed', at: '2026-11-03T10:00:05.000Z', reason: 'channelDeleted' },
};

/** An active lab Sara leads, with Giulia as a member, three tasks, a failed update and a request. */
export function paymentsLab(overrides: Partial<Lab> = {}): Lab {
  return {
    id: 'lab-pay',
    theme: themes[1]!,
    title: 'PagoPA allo sportello',
    goal: 'Far pagare online i servizi più richiesti.',
    status: 'active',
    private: false,
    leads: [person(sara)],
    memberCount: 2,
    startDate: '2026-10-01',
    plannedEndDate: '2027-03-31',
    lastUpdateAt: failedUpdate.at,
    channel: null,
    membership: 'lead',
    members: [
      { person: person(sara), role: 'lead', since: '2026-10-01T08:00:00.000Z', department: null },
      {
        person: person(giulia),
        role: 'member',
        since: '2026-10-02T08:00:00.000Z',
        department: null,
      },
      {
        person: { objectId: null, displayName: null, former: true },
        role: 'member',
        since: '2026-10-02T08:00:00.000Z',
        department: null,
      },
    ],
    invitations: [],
    requests: [{ person: person(marco), at: '2026-11-04T08:00:00.000Z' }],
    milestones: [{ id: 'm1', title: 'Prototipo', dueDate: '2026-12-15', reached: false }],
    tasks: [
      labTask('t1', { title: 'Mappare i servizi', order: 1 }),
      labTask('t2', { title: 'Sentire la ragioneria', order: 2 }),
      labTask('t3', { title: 'Scegliere il fornitore', column: 'doing', order: 1 }),
    ],
    notes: [],
    updates: [failedUpdate],
    outcome: null,
    closedAt: null,
    permissions: { manage: true, editBoard: true, join: false },
    ...overrides,
  };
}

/** A lab Giulia is not in: she may ask to join. */
export function trainingLab(): Lab {
  return paymentsLab({
    id: 'lab-train',
    theme: themes[0]!,
    title: 'Formazione digitale',
    goal: 'Corsi brevi sugli strumenti di lavoro.',
    status: 'proposed',
    membership: null,
    requests: [],
    updates: [],
    lastUpdateAt: null,
    permissions: { manage: false, editBoard: false, join: true },
  });
}
