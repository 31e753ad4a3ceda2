import { useEffect, useRef, useState } from 'react';

/** The slowest pace of progress announcements for screen readers. */
export const CALM_MS = 10_000;

/**
 * `text`, changed at most once every `intervalMs` (the latest value wins), for a live region
 * that should not speak at every poll. A change of `urgentKey` (the campaign's state) shows at once.
 */
export function useCalmText(text: string, urgentKey: string, intervalMs = CALM_MS): string {
  const [shown, setShown] = useState(text);
  const shownAt = useRef(0);
  const shownKey = useRef(urgentKey);

  useEffect(() => {
    if (text === shown) return;
    const show = () => {
      shownAt.current = Date.now();
      shownKey.current = urgentKey;
      setShown(text);
    };
    const wait = Math.max(0, shownAt.current + intervalMs - Date.now());
    if (urgentKey !== shownKey.current || wait === 0) return show();
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [text, shown, urgentKey, intervalMs]);

  return shown;
}
