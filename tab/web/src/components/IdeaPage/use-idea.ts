import { useCallback, useState } from 'react';
import type { IdeaDetail, IdeaVote } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';

/**
 * A vote as the button shows it: changed at once on a click, then replaced by the server's
 * count (others vote too); put back as it was when the server refuses.
 */
export function useVote(idea: IdeaDetail) {
  const api = useApi();
  const [shown, setShown] = useState<IdeaVote>({ votes: idea.votes, voted: idea.voted });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toggle = useCallback(async () => {
    if (pending) return;
    const before = shown;
    const voted = !before.voted;
    setShown({ voted, votes: Math.max(0, before.votes + (voted ? 1 : -1)) });
    setPending(true);
    setError(null);
    try {
      setShown(await api.ideas.vote(idea.id, voted));
    } catch (failure) {
      setShown(before);
      setError(failure);
    } finally {
      setPending(false);
    }
  }, [api, idea.id, pending, shown]);
  return { ...shown, pending, error, toggle };
}

/** An idea; `set` takes the idea a change answered with. */
export function useIdea(id: string) {
  const api = useApi();
  const loadIdea = useCallback(() => api.ideas.idea(id), [api, id]);
  const [idea, reload, set] = useLoad(loadIdea);
  return { idea, reload, set };
}
