import { useCallback, useState } from 'react';
import { downloadText } from '../../api/download';
import type { TrainingImport } from '../../api/types';
import { useAction, useApi, useLoad } from '../../api/use-api';

/** The roster, its CSV for HR and the import of completions (which refreshes the roster). */
export function useFacilitatorRoster() {
  const api = useApi();
  const load = useCallback(() => api.facilitatorRoster(), [api]);
  const [roster, reload] = useLoad(load);
  const action = useAction<'download' | 'import'>();
  const [imported, setImported] = useState<TrainingImport | null>(null);
  const download = useCallback(
    () =>
      action.run('download', async () => {
        downloadText('oibo-facilitators.csv', await api.facilitatorRosterCsv(), 'text/csv');
      }),
    [action, api],
  );
  const importFile = useCallback(
    (file: File) =>
      action.run('import', async () => {
        setImported(null);
        setImported(await api.importCompletions(await file.text()));
        reload();
      }),
    [action, api, reload],
  );
  return { roster, reload, download, importFile, imported, busy: action.busy, error: action.error };
}
