import { useCallback } from 'react';
import { downloadText } from '../../api/download';
import { useOverviewApi } from '../../api/overview';
import type { OverviewTile } from '../../api/types';
import { useAction, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';

/** The whole overview, in one request. */
export function useOverview() {
  const api = useOverviewApi();
  const load = useCallback(() => api.overview(), [api]);
  const [overview, reload] = useLoad(load);
  return { overview, reload };
}

/** One tile's CSV, as the server writes it for the caller's scope and language. */
export function useTileCsv(tile: OverviewTile) {
  const api = useOverviewApi();
  const { t } = useI18n();
  const { busy, error, run } = useAction<'csv'>();
  const download = useCallback(
    () =>
      run('csv', async () => {
        const csv = await api.csv(tile);
        downloadText(t('overview.fileName', { tile }), csv, 'text/csv;charset=utf-8');
      }),
    [api, run, t, tile],
  );
  return { busy: busy !== null, error, download };
}
