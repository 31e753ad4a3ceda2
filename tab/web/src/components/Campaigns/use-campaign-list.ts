import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Campaign } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';
import { isActive } from './campaign-view';

/** How often the list is read again while a campaign in it is preparing or running. */
export const LIST_POLL_MS = 5_000;

/**
 * The campaigns of `kinds` (null: every kind) as loaded, with the ones this screen started or saw
 * change laid over them. While any is unfinished the list is read again every
 * {@link LIST_POLL_MS} (not while the page is hidden), so every row's state follows the server,
 * not only the one on screen.
 */
export function useCampaignList(kinds: readonly string[] | null) {
  const api = useApi();
  const load = useCallback(() => api.campaigns(kinds), [api, kinds]);
  const [loaded, reload, set] = useLoad(load);
  const [changed, setChanged] = useState<readonly Campaign[]>([]);
  const upsert = useCallback(
    (campaign: Campaign) =>
      setChanged((previous) => [campaign, ...previous.filter((c) => c.id !== campaign.id)]),
    [],
  );
  const fresh = useCallback(
    (campaigns: Campaign[]) => {
      // What the server says now replaces what this screen saw of the same campaigns earlier.
      const ids = new Set(campaigns.map((c) => c.id));
      setChanged((previous) => previous.filter((c) => !ids.has(c.id)));
      set(campaigns);
    },
    [set],
  );
  const campaigns = useMemo(() => {
    if (loaded.state !== 'loaded') return [];
    const byId = new Map(loaded.value.map((c) => [c.id, c]));
    for (const c of changed) if (!kinds || kinds.includes(c.kind)) byId.set(c.id, c);
    return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }, [loaded, changed, kinds]);
  const unfinished = campaigns.some((c) => isActive(c.state));

  useEffect(() => {
    if (!unfinished) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (!document.hidden) {
        try {
          const value = await api.campaigns(kinds);
          if (live) fresh(value);
        } catch {
          // A failed read keeps the list on screen; the next round reads again.
        }
      }
      if (live) timer = setTimeout(() => void poll(), LIST_POLL_MS);
    };
    timer = setTimeout(() => void poll(), LIST_POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, fresh, unfinished, kinds]);

  return { loaded, reload, campaigns, upsert };
}
