import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { useTeams } from '../teams/teams-context';
import { ApiError, json, post, send, type ApiFetch } from './client';
import type {
  CreatedLab,
  KnownTeams,
  Lab,
  LabChannel,
  LabChannelLink,
  LabColumn,
  LabList,
  LabMilestone,
  LabNote,
  LabOverview,
  LabPeopleSearch,
  LabSettingsChange,
  LabStatus,
  LabTask,
  LabTaskChange,
  LabTaskConflict,
  LabTheme,
  LabThemes,
  LabUpdate,
  NewLab,
  NewLabMilestone,
  NewLabNote,
  NewLabTheme,
  NewLabTask,
  NewLabUpdate,
} from './types';
import { inLanguage } from './use-api';

export interface LabFilter {
  theme?: string;
  status?: LabStatus;
  mine?: 'lead' | 'member';
}

/** A task edit refused because someone changed the task first: `current` is how it is now. */
export class StaleTaskError extends Error {
  constructor(readonly current: LabTask) {
    super('stale task');
    this.name = 'StaleTaskError';
  }
}

const labPath = (id: string) => `/api/v1/labs/${encodeURIComponent(id)}`;
const taskPath = (lab: string, task: string) => `${labPath(lab)}/tasks/${encodeURIComponent(task)}`;
const milestonePath = (lab: string, milestone: string) =>
  `${labPath(lab)}/milestones/${encodeURIComponent(milestone)}`;

/** A 412 with the task as it is now becomes a {@link StaleTaskError}. */
async function unlessStale<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const current = error instanceof ApiError ? (error.problem as LabTaskConflict).current : null;
    if (error instanceof ApiError && error.status === 412 && current) {
      throw new StaleTaskError(current);
    }
    throw error;
  }
}

export function createLabsApi(apiFetch: ApiFetch) {
  return {
    themes: () => json<LabThemes>(apiFetch, '/api/v1/labs/themes'),
    addTheme: (theme: NewLabTheme) => post<LabTheme>(apiFetch, '/api/v1/labs/themes', theme),
    list: (filter: LabFilter) => {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(filter) as [string, string | undefined][]) {
        if (value) query.set(name, value);
      }
      return json<LabList>(apiFetch, `/api/v1/labs?${query.toString()}`);
    },
    create: (lab: NewLab) => post<CreatedLab>(apiFetch, '/api/v1/labs', lab),
    lab: (id: string) => json<Lab>(apiFetch, labPath(id)),
    change: (id: string, change: LabSettingsChange) =>
      post<Lab>(apiFetch, labPath(id), change, 'PATCH'),
    close: (id: string, outcome: string) =>
      post<Lab>(apiFetch, `${labPath(id)}/close`, { outcome }),
    join: (id: string) => post<Lab>(apiFetch, `${labPath(id)}/join`),
    leave: (id: string) => post<Lab>(apiFetch, `${labPath(id)}/leave`),
    answerRequest: (id: string, objectId: string, answer: 'approve' | 'decline') =>
      post<Lab>(apiFetch, `${labPath(id)}/requests/${encodeURIComponent(objectId)}/${answer}`),
    invite: (id: string, objectIds: string[]) =>
      post<Lab>(apiFetch, `${labPath(id)}/members`, { objectIds }),
    createTask: (id: string, task: NewLabTask) =>
      post<LabTask>(apiFetch, `${labPath(id)}/tasks`, task),
    /** Throws {@link StaleTaskError} when `task.etag` is no longer the stored version. */
    changeTask: (id: string, task: Pick<LabTask, 'id' | 'etag'>, change: LabTaskChange) =>
      unlessStale(async () => {
        const response = await send(apiFetch, taskPath(id, task.id), {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'if-match': task.etag },
          body: JSON.stringify(change),
        });
        return (await response.json()) as LabTask;
      }),
    deleteTask: (id: string, task: Pick<LabTask, 'id' | 'etag'>) =>
      unlessStale(async () => {
        await send(apiFetch, taskPath(id, task.id), {
          method: 'DELETE',
          headers: { 'if-match': task.etag },
        });
      }),
    setRole: (id: string, objectId: string, role: 'lead' | 'member') =>
      post<Lab>(
        apiFetch,
        `${labPath(id)}/members/${encodeURIComponent(objectId)}`,
        { role },
        'PATCH',
      ),
    removeMember: (id: string, objectId: string) =>
      post<Lab>(apiFetch, `${labPath(id)}/members/${encodeURIComponent(objectId)}`, {}, 'DELETE'),
    addMilestone: (id: string, milestone: NewLabMilestone) =>
      post<LabMilestone>(apiFetch, `${labPath(id)}/milestones`, milestone),
    changeMilestone: (id: string, milestoneId: string, change: Partial<NewLabMilestone>) =>
      post<LabMilestone>(apiFetch, milestonePath(id, milestoneId), change, 'PATCH'),
    deleteMilestone: async (id: string, milestoneId: string) => {
      await send(apiFetch, milestonePath(id, milestoneId), { method: 'DELETE' });
    },
    addNote: (id: string, note: NewLabNote) =>
      post<LabNote>(apiFetch, `${labPath(id)}/notes`, note),
    postUpdate: (id: string, update: NewLabUpdate) =>
      post<LabUpdate>(apiFetch, `${labPath(id)}/updates`, update),
    retryUpdate: (id: string, updateId: string) =>
      post<LabUpdate>(apiFetch, `${labPath(id)}/updates/${encodeURIComponent(updateId)}/retry`),
    linkChannel: (id: string, link: LabChannelLink) =>
      post<LabChannel>(apiFetch, `${labPath(id)}/channel`, link, 'PUT'),
    knownTeams: () => json<KnownTeams>(apiFetch, '/api/v1/labs/teams'),
    people: (q: string) =>
      json<LabPeopleSearch>(apiFetch, `/api/v1/labs/people?${new URLSearchParams({ q })}`),
    overview: () => json<LabOverview>(apiFetch, '/api/v1/labs/overview'),
    overviewCsv: async () => (await send(apiFetch, '/api/v1/labs/overview.csv')).text(),
  };
}

export type LabsApi = ReturnType<typeof createLabsApi>;

/** The labs' part of the tab API, in the language the tab speaks. */
export function useLabsApi(): LabsApi {
  const { apiFetch } = useTeams();
  const { locale } = useI18n();
  return useMemo(() => createLabsApi(inLanguage(apiFetch, locale)), [apiFetch, locale]);
}

export const LAB_COLUMNS: readonly LabColumn[] = ['todo', 'doing', 'done'];
