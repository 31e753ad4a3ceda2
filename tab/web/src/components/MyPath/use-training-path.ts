import { useCallback } from 'react';
import type { TrainingPath } from '../../api/types';
import { useAction, useApi, useLoad } from '../../api/use-api';

/** The facilitator's path, and marking a module done (the answer is the refreshed path). */
export function useTrainingPath() {
  const api = useApi();
  const load = useCallback(() => api.trainingPath(), [api]);
  const [path, reload, setPath] = useLoad<TrainingPath>(load);
  const action = useAction<'complete'>();
  const complete = useCallback(
    (completion: { moduleId: string; date: string; hours: number }) =>
      action.run('complete', async () => setPath(await api.completeModule(completion))),
    [action, api, setPath],
  );
  return { path, reload, complete, saving: action.busy === 'complete', error: action.error };
}
