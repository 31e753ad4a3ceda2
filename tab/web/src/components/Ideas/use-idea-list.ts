import { useCallback, useState } from 'react';
import type { IdeaQuery } from '../../api/ideas-client';
import { useApi, useLoad } from '../../api/use-api';
import { SEARCH_PAUSE_MS, useDebounced } from '../../hooks/use-debounced';

export type IdeaFilters = Omit<IdeaQuery, 'q' | 'offset' | 'call'>;

/**
 * A call's ideas as the list shows them: the search text typed (asked once typing pauses), the
 * filters and sort, and the page; any change but the page goes back to the first page.
 */
export function useIdeaList(call: string | undefined, version: number) {
  const api = useApi();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const [filters, setFilters] = useState<IdeaFilters>({});
  const [page, setPage] = useState({ key: '', offset: 0 });
  const key = JSON.stringify([call, q, filters]);
  const offset = page.key === key ? page.offset : 0;
  const load = useCallback(
    () => api.ideas.list({ ...filters, call, q, offset }),
    // `version` asks again for the same page.
    [api, call, q, filters, offset, version],
  );
  const [ideas, reload] = useLoad(load);
  const goTo = useCallback((next: number) => setPage({ key, offset: next }), [key]);
  return { text, setText, filters, setFilters, ideas, reload, offset, goTo };
}
