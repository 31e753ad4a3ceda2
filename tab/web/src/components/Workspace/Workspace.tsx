import {
  Button,
  Spinner,
  Tab,
  TabList,
  Text,
  Title2,
  ToggleButton,
} from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Me } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useTeams } from '../../teams/teams-context';
import { AnnouncementChannels } from '../AnnouncementChannels/AnnouncementChannels';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { PostFilters } from './PostFilters';
import { PostList } from './PostList';
import { usePostList } from './use-post-list';
import { useWorkspaceStyles } from './Workspace.styles';

// The post page and the editor carry the Markdown renderer: they load when opened.
const PostPage = lazy(() =>
  import('../PostPage/PostPage').then((module) => ({ default: module.PostPage })),
);
const PostEditor = lazy(() =>
  import('../PostEditor/PostEditor').then((module) => ({ default: module.PostEditor })),
);
// Facilitators and admins only.
const CommunityBoard = lazy(() =>
  import('../CommunityBoard/CommunityBoard').then((module) => ({
    default: module.CommunityBoard,
  })),
);

type View = { kind: 'list' } | { kind: 'post'; id: string } | { kind: 'editor'; id?: string };

/** Facilitators and admins write posts and share the community board (the server decides). */
export const writesPosts = (me: Pick<Me, 'roles'>) =>
  me.roles.includes('facilitator') || me.roles.includes('admin');

/**
 * «Spazio facilitatori»: the posts newest first (search, category, tag), a post's page, the
 * editor; for facilitators and admins also their drafts and the community board. A link with a
 * post's id opens it directly.
 */
export function Workspace({ me }: { me: Pick<Me, 'roles' | 'objectId'> }) {
  const { t } = useI18n();
  const { place } = useTeams();
  const styles = useWorkspaceStyles();
  const writer = writesPosts(me);
  const [area, setArea] = useState<'posts' | 'board'>('posts');
  const [view, setView] = useState<View>(
    place?.kind === 'post' ? { kind: 'post', id: place.postId } : { kind: 'list' },
  );
  const { text, setText, filter, setFilter, posts, reload, tags } = usePostList();
  // Back from a post, the focus returns to its entry in the list.
  const left = useRef<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (view.kind !== 'list' || posts.state !== 'loaded' || !left.current) return;
    list.current?.querySelector<HTMLElement>(`[data-post="${CSS.escape(left.current)}"]`)?.focus();
  }, [view, posts]);
  const back = useCallback(() => {
    left.current = view.kind === 'list' ? null : (view.id ?? null);
    setView({ kind: 'list' });
    reload();
  }, [view, reload]);
  const open = useCallback((id: string) => setView({ kind: 'post', id }), []);

  const nav = writer && (
    <TabList
      aria-label={t('workspace.nav')}
      selectedValue={area}
      onTabSelect={(_event, data) => setArea(data.value as 'posts' | 'board')}
      size="small"
    >
      <Tab value="posts">{t('workspace.nav.posts')}</Tab>
      <Tab value="board">{t('workspace.nav.board')}</Tab>
    </TabList>
  );
  if (area === 'board') {
    return (
      <div className={styles.root}>
        {nav}
        <Suspense fallback={<Spinner label={t('app.loading')} />}>
          <CommunityBoard />
        </Suspense>
      </div>
    );
  }
  if (view.kind !== 'list') {
    return (
      <div className={styles.root}>
        {nav}
        <Suspense fallback={<Spinner label={t('app.loading')} />}>
          {view.kind === 'post' ? (
            <PostPage
              key={view.id}
              id={view.id}
              self={me.objectId}
              onBack={back}
              onEdit={() => setView({ kind: 'editor', id: view.id })}
            />
          ) : (
            <PostEditor
              key={view.id ?? 'new'}
              id={view.id}
              onDone={(id) => (id ? open(id) : back())}
            />
          )}
        </Suspense>
      </div>
    );
  }
  return (
    <div className={styles.root} ref={list}>
      {nav}
      <Title2 as="h2">{t('workspace.heading')}</Title2>
      <Text as="p" block className={styles.intro}>
        {t('workspace.intro')}
      </Text>
      {writer && (
        <div className={styles.actions}>
          <Button appearance="primary" onClick={() => setView({ kind: 'editor' })}>
            {t('workspace.new')}
          </Button>
          <ToggleButton
            checked={filter.state === 'draft'}
            onClick={() =>
              setFilter({ ...filter, state: filter.state === 'draft' ? undefined : 'draft' })
            }
          >
            {t('workspace.drafts')}
          </ToggleButton>
        </div>
      )}
      <PostFilters text={text} onText={setText} filter={filter} onFilter={setFilter} tags={tags} />
      {posts.state === 'loading' && <Spinner label={t('app.loading')} />}
      {posts.state === 'failed' && <ErrorBar error={posts.error} onRetry={reload} />}
      {posts.state === 'loaded' && <PostList posts={posts.value.posts} onOpen={open} />}
      {me.roles.includes('admin') && <AnnouncementChannels />}
    </div>
  );
}
