import { useCallback, useRef, useState } from 'react';
import { usePostsApi, type PostFilter } from '../../api/posts';
import { useLoad } from '../../api/use-api';
import { SEARCH_PAUSE_MS, useDebounced } from '../../hooks/use-debounced';

/**
 * The posts under the search typed (asked once typing pauses) and the chosen filters, and the
 * tags to filter by (kept while the next answer loads, so the chosen one stays in the list).
 */
export function usePostList() {
  const api = usePostsApi();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const [filter, setFilter] = useState<Omit<PostFilter, 'q'>>({});
  const load = useCallback(() => api.list({ ...filter, q }), [api, filter, q]);
  const [posts, reload] = useLoad(load);
  const tags = useRef<readonly string[]>([]);
  if (posts.state === 'loaded') tags.current = posts.value.tags;
  return { text, setText, filter, setFilter, posts, reload, tags: tags.current };
}
