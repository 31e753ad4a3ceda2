import { useCallback } from 'react';
import { usePostsApi } from '../../api/posts';
import { useAction, useLoad } from '../../api/use-api';
import type { PostDetail, PostPublication } from '../../api/types';

export type PostAction = 'mark' | 'publish' | 'delete';

/** A post as its page shows it, and what its reader does there. */
export function usePost(id: string) {
  const api = usePostsApi();
  const load = useCallback(() => api.post(id), [api, id]);
  const [post, reload, setPost] = useLoad(load);
  const action = useAction<PostAction>();
  const { run } = action;
  const mark = useCallback(
    (current: PostDetail, useful: boolean) =>
      run('mark', async () => {
        const counted = await api.mark(id, useful);
        setPost({ ...current, ...counted });
      }),
    [api, id, run, setPost],
  );
  const publish = useCallback(
    (publication: PostPublication, onDone: () => void) =>
      run('publish', async () => {
        setPost(await api.publish(id, publication));
        onDone();
      }),
    [api, id, run, setPost],
  );
  const remove = useCallback(
    (reason: string | undefined, onDone: () => void) =>
      run('delete', async () => {
        await api.remove(id, reason);
        onDone();
      }),
    [api, id, run],
  );
  return { post, reload, action, mark, publish, remove };
}
