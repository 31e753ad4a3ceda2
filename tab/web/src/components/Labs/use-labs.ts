import { useCallback, useState } from 'react';
import { useLabsApi, type LabFilter } from '../../api/labs';
import { useLoad } from '../../api/use-api';

/** The lab list under its filters, and the themes to filter by. */
export function useLabs() {
  const api = useLabsApi();
  const [filter, setFilter] = useState<LabFilter>({});
  const loadLabs = useCallback(() => api.list(filter), [api, filter]);
  const [labs, reload] = useLoad(loadLabs);
  const loadThemes = useCallback(() => api.themes(), [api]);
  const [themes, reloadThemes] = useLoad(loadThemes);
  return { labs, reload, themes, reloadThemes, filter, setFilter };
}
