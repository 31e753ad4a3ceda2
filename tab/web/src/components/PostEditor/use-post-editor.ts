import { useCallback, useEffect, useState } from 'react';
import { StalePostError, usePostsApi } from '../../api/posts';
import { useAction } from '../../api/use-api';
import type { PostDetail, PostPublication } from '../../api/types';
import { emptyForm, formOf, postOf, type PostForm } from './post-form';

export type EditorAction = 'load' | 'save' | 'publish';

/**
 * The editor's form and the post it writes: `saved` is the post as last stored (null until the
 * first save of a new one); `stale` the version someone else stored meanwhile, after a refused save.
 */
export function usePostEditor(id: string | undefined) {
  const api = usePostsApi();
  const [form, setForm] = useState<PostForm>(emptyForm);
  const [saved, setSaved] = useState<PostDetail | null>(null);
  const [stale, setStale] = useState<PostDetail | null>(null);
  const action = useAction<EditorAction>();
  const { run } = action;

  useEffect(() => {
    if (!id) return;
    void run('load', async () => {
      const post = await api.post(id);
      setSaved(post);
      setForm(formOf(post));
    });
  }, [api, id, run]);

  const dirty =
    saved === null || JSON.stringify(postOf(form)) !== JSON.stringify(postOf(formOf(saved)));

  /** Stores the form (a new draft, or an edit of the version last read); the post as stored. */
  const store = useCallback(async (): Promise<PostDetail> => {
    if (!saved) {
      const { id: created } = await api.create(postOf(form));
      return api.post(created);
    }
    try {
      return await api.update(saved.id, saved.etag, postOf(form));
    } catch (error) {
      if (error instanceof StalePostError) setStale(error.current);
      throw error;
    }
  }, [api, form, saved]);

  const save = useCallback(
    (then?: (post: PostDetail) => void) =>
      run('save', async () => {
        const post = await store();
        setSaved(post);
        setStale(null);
        then?.(post);
      }),
    [run, store],
  );

  const publish = useCallback(
    (publication: PostPublication, then: (post: PostDetail) => void) =>
      run('publish', async () => {
        if (!saved) return;
        then(await api.publish(saved.id, publication));
      }),
    [api, run, saved],
  );

  /**
   * After files were added or removed: their list, and the stored version's etag when nobody
   * else changed the text meanwhile (a later save then still detects their change).
   */
  const refreshFiles = useCallback(async () => {
    if (!saved) return;
    const fresh = await api.post(saved.id);
    setSaved(
      fresh.version === saved.version ? fresh : { ...saved, attachments: fresh.attachments },
    );
  }, [api, saved]);

  /** After a refused save: take the other version (`replace`), or keep writing over it. */
  const resolveStale = useCallback(
    (replace: boolean) => {
      if (!stale) return;
      if (replace) setForm(formOf(stale));
      setSaved(stale);
      setStale(null);
      action.clearError();
    },
    [stale, action],
  );

  return { form, setForm, saved, stale, resolveStale, refreshFiles, dirty, save, publish, action };
}
