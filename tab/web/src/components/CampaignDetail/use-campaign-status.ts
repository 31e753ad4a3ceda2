import { useCallback, useEffect, useRef, useState } from 'react';
import type { Campaign, CampaignStatus } from '../../api/types';
import { useApi } from '../../api/use-api';
import { isActive } from '../Campaigns/campaign-view';

/** How often a preparing or running campaign is read again. */
export const POLL_MS = 2000;

export interface PolledStatus {
  /** The latest status read, kept on screen when a later read fails. */
  status: CampaignStatus | null;
  /** How long, at the latest read, the settled count had not changed (0 on a change of state). */
  stalledForMs: number;
  error: unknown;
  /** Reads now, and keeps polling while the campaign is active. */
  refresh: () => void;
  /** Applies the answer of an operation (pause, resume…) before the next read. */
  apply: (campaign: Campaign) => void;
}

/**
 * The campaign's status, read every {@link POLL_MS} while it is preparing or running; polling
 * stops when it is paused or final, after a failed read (until `refresh`) and on unmount.
 */
export function useCampaignStatus(
  id: string,
  onStatus: (status: CampaignStatus) => void,
): PolledStatus {
  const api = useApi();
  const [status, setStatus] = useState<CampaignStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [stalledForMs, setStalledForMs] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const report = useRef(onStatus);
  useEffect(() => {
    report.current = onStatus;
  }, [onStatus]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: { settled: number; state: string; at: number } | undefined;
    const read = async () => {
      try {
        const next = await api.campaignStatus(id);
        if (!live) return;
        const settled = next.counts.total - next.counts.pending;
        const now = Date.now();
        if (last?.settled !== settled || last.state !== next.state) {
          last = { settled, state: next.state, at: now };
        }
        setStalledForMs(now - last.at);
        setStatus(next);
        setError(null);
        report.current(next);
        if (isActive(next.state)) timer = setTimeout(() => void read(), POLL_MS);
      } catch (failure) {
        if (live) setError(failure);
      }
    };
    void read();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, id, attempt]);

  const refresh = useCallback(() => setAttempt((n) => n + 1), []);
  const apply = useCallback(
    (campaign: Campaign) => setStatus((current) => current && { ...current, ...campaign }),
    [],
  );
  return { status, stalledForMs, error, refresh, apply };
}
