import { useCallback } from 'react';
import { downloadText } from '../../api/download';
import { useLabsApi } from '../../api/labs';
import { useAction, useLoad } from '../../api/use-api';

/** Every lab's progress (managers and admins) and its CSV. */
export function useLabOverview() {
  const api = useLabsApi();
  const load = useCallback(() => api.overview(), [api]);
  const [overview, reload] = useLoad(load);
  const action = useAction<'download'>();
  const download = useCallback(
    () =>
      action.run('download', async () => {
        downloadText('oibo-laboratori.csv', await api.overviewCsv(), 'text/csv');
      }),
    [action, api],
  );
  return { overview, reload, download, busy: action.busy, error: action.error };
}
