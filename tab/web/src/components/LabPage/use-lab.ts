import { useCallback, useRef } from 'react';
import { useLabsApi, type LabsApi } from '../../api/labs';
import type { Lab, LabMilestone, LabNote, LabTask, LabUpdate } from '../../api/types';
import { useAction, useLoad } from '../../api/use-api';

export type LabAction =
  | 'join'
  | 'leave'
  | 'request'
  | 'invite'
  | 'note'
  | 'update'
  | 'retry'
  | 'channel'
  | 'status'
  | 'details'
  | 'role'
  | 'milestone'
  | 'close';

/** The lab's changes that answer the whole lab, or one part of it to put in place. */
export interface LabWrites {
  /** A write that answers the whole lab (membership, members, settings, closing). */
  lab(key: LabAction, work: (api: LabsApi) => Promise<Lab>): Promise<void>;
  note(work: (api: LabsApi) => Promise<LabNote>): Promise<void>;
  update(key: 'update' | 'retry', work: (api: LabsApi) => Promise<LabUpdate>): Promise<void>;
  /** Puts a task's new version (or, with null, its removal) in place. */
  task: (id: string, task: LabTask | null) => void;
  /** A milestone's write: its answer (or, with null, its removal) put in place; whether it did. */
  milestone(
    id: string | null,
    work: (api: LabsApi) => Promise<LabMilestone | null>,
  ): Promise<boolean>;
}

/** `list` with `item` in place of the entry `id` (appended when new), or without it (null). */
function replaced<T extends { id: string }>(list: T[], id: string, item: T | null): T[] {
  if (!item) return list.filter((x) => x.id !== id);
  return list.some((x) => x.id === id)
    ? list.map((x) => (x.id === id ? item : x))
    : [...list, item];
}

function withUpdate(updates: LabUpdate[], update: LabUpdate): LabUpdate[] {
  return updates.some((u) => u.id === update.id)
    ? updates.map((u) => (u.id === update.id ? update : u))
    : [update, ...updates];
}

/** One lab with everything on its page; each write puts its answer in place. */
export function useLab(id: string) {
  const api = useLabsApi();
  const load = useCallback(() => api.lab(id), [api, id]);
  const [lab, reload, set] = useLoad(load);
  const latest = useRef<Lab | null>(null);
  latest.current = lab.state === 'loaded' ? lab.value : null;
  const action = useAction<LabAction>();

  const patch = useCallback(
    (change: (lab: Lab) => Lab) => {
      if (latest.current) set((latest.current = change(latest.current)));
    },
    [set],
  );

  const writes: LabWrites = {
    lab: (key, work) =>
      action.run(key, async () => {
        const answer = await work(api);
        latest.current = answer;
        set(answer);
      }),
    note: (work) =>
      action.run('note', async () => {
        const note = await work(api);
        patch((l) => ({ ...l, notes: [note, ...l.notes] }));
      }),
    update: (key, work) =>
      action.run(key, async () => {
        const update = await work(api);
        patch((l) => ({
          ...l,
          updates: withUpdate(l.updates, update),
          lastUpdateAt: key === 'update' ? update.at : l.lastUpdateAt,
        }));
      }),
    task: (taskId, task) => patch((l) => ({ ...l, tasks: replaced(l.tasks, taskId, task) })),
    milestone: async (milestoneId, work) => {
      let done = false;
      await action.run('milestone', async () => {
        const milestone = await work(api);
        const id = milestone?.id ?? milestoneId;
        if (id) patch((l) => ({ ...l, milestones: replaced(l.milestones, id, milestone) }));
        done = true;
      });
      return done;
    },
  };

  return { lab, reload, writes, busy: action.busy, error: action.error };
}
