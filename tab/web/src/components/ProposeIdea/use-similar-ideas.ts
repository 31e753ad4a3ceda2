import { useEffect, useState } from 'react';
import type { SimilarIdeas } from '../../api/types';
import { useApi } from '../../api/use-api';
import { SEARCH_PAUSE_MS, useDebounced } from '../../hooks/use-debounced';
import { SIMILAR_FROM } from './proposal-draft';

/**
 * The ideas most like what is being typed, once typing pauses; a failed look-up shows nothing
 * (the form works without it).
 */
export function useSimilarIdeas(text: string): SimilarIdeas['ideas'] {
  const api = useApi();
  const asked = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const [ideas, setIdeas] = useState<SimilarIdeas['ideas']>([]);
  useEffect(() => {
    if (asked.length < SIMILAR_FROM) {
      setIdeas([]);
      return;
    }
    let live = true;
    api.ideas.similar(asked).then(
      (found) => live && setIdeas(found.ideas),
      () => live && setIdeas([]),
    );
    return () => {
      live = false;
    };
  }, [api, asked]);
  return ideas;
}
