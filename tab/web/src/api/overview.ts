import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import { useTeams } from '../teams/teams-context';
import { json, send, type ApiFetch } from './client';
import type { Overview, OverviewTile } from './types';
import { inLanguage } from './use-api';

export function createOverviewApi(apiFetch: ApiFetch) {
  return {
    /** Managers their subtree, admins the whole programme: every tile in one answer. */
    overview: () => json<Overview>(apiFetch, '/api/v1/overview'),
    /** One tile's table in the caller's spreadsheet dialect. */
    csv: async (tile: OverviewTile) =>
      (
        await send(apiFetch, `/api/v1/overview.csv?${new URLSearchParams({ tile }).toString()}`)
      ).text(),
  };
}

export type OverviewApi = ReturnType<typeof createOverviewApi>;

/** The overview's part of the tab API, in the language the tab speaks. */
export function useOverviewApi(): OverviewApi {
  const { apiFetch } = useTeams();
  const { locale } = useI18n();
  return useMemo(() => createOverviewApi(inLanguage(apiFetch, locale)), [apiFetch, locale]);
}
