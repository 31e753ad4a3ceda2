import { useCallback, useMemo, useState } from 'react';
import type { HeatmapChoice } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';

/** Never settles: the heat map waits (loading) until the campaigns say which round to open. */
const waiting = new Promise<never>(() => undefined);

/**
 * The campaigns the dashboard can show, the chosen ones, and their heat map. Until a campaign is
 * chosen the screen opens on the newest one with a visible unit: the running round hides every
 * unit until k people of it have answered.
 */
export function useDashboard() {
  const api = useApi();
  const [choice, setChoice] = useState<HeatmapChoice>({});
  const [drilled, setDrilled] = useState(false);
  const loadCampaigns = useCallback(() => api.dashboardCampaigns(), [api]);
  const [campaigns, reloadCampaigns] = useLoad(loadCampaigns);
  // The API's default is the current round: a campaign is named only when it is another one.
  const list = campaigns.state === 'loaded' ? campaigns.value : null;
  const opening = list?.shown && list.shown !== list.current.id ? list.shown : undefined;
  const decided = campaigns.state !== 'loading';
  const shown = useMemo(
    (): HeatmapChoice => ({ ...choice, campaign: choice.campaign ?? opening }),
    [choice, opening],
  );
  const loadHeatmap = useCallback(
    () => (decided ? api.heatmap(shown) : waiting),
    [api, decided, shown],
  );
  const [heatmap, reloadHeatmap] = useLoad(loadHeatmap);
  const choose = useCallback((next: HeatmapChoice) => {
    setDrilled(false);
    setChoice(next);
  }, []);
  /** Opens a unit (undefined: the whole scope), keeping the campaigns shown. */
  const open = useCallback(
    (unit: readonly string[] | undefined) => {
      setDrilled(true);
      setChoice({ ...shown, unit });
    },
    [shown],
  );
  return {
    campaigns,
    reloadCampaigns,
    choice: shown,
    choose,
    open,
    /** Whether the last change was opening a unit: the screen then moves the focus to its scope. */
    drilled,
    heatmap,
    reloadHeatmap,
  };
}
