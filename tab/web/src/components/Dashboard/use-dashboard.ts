import { useCallback, useState } from 'react';
import type { HeatmapChoice } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';

/** The campaigns the dashboard can show, the chosen ones, and their heat map. */
export function useDashboard() {
  const api = useApi();
  const [choice, choose] = useState<HeatmapChoice>({});
  const loadCampaigns = useCallback(() => api.dashboardCampaigns(), [api]);
  const [campaigns, reloadCampaigns] = useLoad(loadCampaigns);
  const loadHeatmap = useCallback(() => api.heatmap(choice), [api, choice]);
  const [heatmap, reloadHeatmap] = useLoad(loadHeatmap);
  return { campaigns, reloadCampaigns, choice, choose, heatmap, reloadHeatmap };
}
