import { useCallback, useRef, useState } from 'react';
import type { ContestEntry, ContestResults, ContestSummary, NewContest } from '../../api/types';
import { useAction, useApi, useLoad } from '../../api/use-api';

type ContestAction = 'submit' | 'vote' | 'hide' | 'close' | 'create';

/**
 * The newest contest and what the caller may see of it now: its entries (theirs during
 * entries; everyone's from voting on), the results once closed; and what the caller may do.
 */
export function useContest() {
  const api = useApi();
  const loadContests = useCallback(() => api.contests(), [api]);
  const [contests, reloadContests] = useLoad(loadContests);
  // While a reload after an action runs, the page keeps showing what it showed.
  const shown = useRef<ContestSummary | undefined>(undefined);
  if (contests.state === 'loaded') shown.current = contests.value[0];
  const contest = shown.current;
  const contestId = contest?.id;
  const phase = contest?.phase;
  const loadEntries = useCallback(async (): Promise<{
    entries: ContestEntry[];
    results: ContestResults | null;
  }> => {
    if (!contestId) return { entries: [], results: null };
    const [entries, results] = await Promise.all([
      api.contestEntries(contestId),
      phase === 'closed' ? api.contestResults(contestId) : Promise.resolve(null),
    ]);
    return { entries, results };
  }, [api, contestId, phase]);
  const [gallery, reloadGallery] = useLoad(loadEntries);
  const action = useAction<ContestAction>();
  const [justSent, setJustSent] = useState(false);

  const reload = useCallback(() => {
    reloadContests();
    reloadGallery();
  }, [reloadContests, reloadGallery]);

  const run = useCallback(
    (key: ContestAction, work: () => Promise<unknown>) =>
      action.run(key, async () => {
        await work();
        reload();
      }),
    [action, reload],
  );

  return {
    contests,
    contest,
    gallery,
    reload,
    busy: action.busy,
    error: action.error,
    clearError: action.clearError,
    justSent,
    submit: (entry: { image: File; title: string; description: string }) =>
      void action.run('submit', async () => {
        setJustSent(false);
        await api.submitEntry(contestId!, entry);
        setJustSent(true);
        reload();
      }),
    vote: (entryId: string) => void run('vote', () => api.vote(contestId!, entryId)),
    hide: (entryId: string, reason: string) =>
      void run('hide', () => api.hideEntry(contestId!, entryId, reason)),
    close: () => void run('close', () => api.closeContest(contestId!)),
    create: (input: NewContest) => void run('create', () => api.createContest(input)),
  };
}
