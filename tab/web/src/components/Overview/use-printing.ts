import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

// jsdom has no matchMedia.
const printMedia = () =>
  typeof window.matchMedia === 'function' ? window.matchMedia('print') : null;

/**
 * Whether the page is being printed (print dialog, or print media emulated): the report then
 * renders in the light theme, since paper has no dark background behind light text.
 */
export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => printMedia()?.matches ?? false);
  useEffect(() => {
    const media = printMedia();
    // The browser lays the page out for print right after `beforeprint`: render before that.
    const set = (value: boolean) => flushSync(() => setPrinting(value));
    const follow = () => set(media?.matches ?? false);
    const before = () => set(true);
    const after = () => set(media?.matches ?? false);
    media?.addEventListener('change', follow);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      media?.removeEventListener('change', follow);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
