import { Button, Spinner, Tab, TabList, Text, Title2 } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useState } from 'react';
import type { IdeaCall } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { IdeaPage } from '../IdeaPage/IdeaPage';
import { emptyDraft } from '../ProposeIdea/proposal-draft';
import { ProposeIdea } from '../ProposeIdea/ProposeIdea';
import { formatDay, lastDay } from './idea-text';
import { IdeaList } from './IdeaList';
import { useIdeasStyles } from './Ideas.styles';

// The programme team's views, downloaded only when one of them opens one.
const IdeasPipeline = lazy(() =>
  import('../IdeasPipeline/IdeasPipeline').then((m) => ({ default: m.IdeasPipeline })),
);
const IdeaCalls = lazy(() =>
  import('../IdeaCalls/IdeaCalls').then((m) => ({ default: m.IdeaCalls })),
);

/** An idea opened from the form goes back to the form. */
type View =
  { kind: 'list' } | { kind: 'idea'; id: string; fromForm: boolean } | { kind: 'propose' };
type AdminView = 'ideas' | 'pipeline' | 'calls';

/** The call's title, question and dates. */
function CallHeader({ call }: { call: IdeaCall }) {
  const { t, locale } = useI18n();
  const styles = useIdeasStyles();
  return (
    <>
      <Title2 as="h2">{call.title}</Title2>
      <Text as="p" block className={styles.question}>
        {call.question}
      </Text>
      <Text as="p" block className={styles.intro}>
        {call.open
          ? t('ideas.call.open', { date: formatDay(lastDay(call.closesAt), locale) })
          : new Date(call.opensAt) > new Date()
            ? t('ideas.call.soon', { date: formatDay(call.opensAt, locale) })
            : t('ideas.call.closed', { date: formatDay(lastDay(call.closesAt), locale) })}
      </Text>
    </>
  );
}

/**
 * «Idee»: the open call's ideas (search, filters, sort), an idea's page, the proposal form; for
 * the programme team also the pipeline and the calls.
 */
export function Ideas({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useIdeasStyles();
  const load = useCallback(() => api.ideas.calls(), [api]);
  const [calls, reload, setCalls] = useLoad(load);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [adminView, setAdminView] = useState<AdminView>('ideas');
  const [draft, setDraft] = useState(emptyDraft);
  const open = useCallback((id: string) => setView({ kind: 'idea', id, fromForm: false }), []);
  const openFromForm = useCallback(
    (id: string) => setView({ kind: 'idea', id, fromForm: true }),
    [],
  );
  // The list stays mounted (its search and filters kept) and is read again on the way back.
  const [returns, setReturns] = useState(0);
  const back = useCallback(() => {
    setView({ kind: 'list' });
    setReturns((n) => n + 1);
  }, []);

  if (calls.state === 'loading') return <Spinner label={t('app.loading')} />;
  if (calls.state === 'failed') return <ErrorBar error={calls.error} onRetry={reload} />;
  const list = calls.value;
  const call = list.calls.find((c) => c.id === list.current) ?? list.calls[0];

  return (
    <div className={styles.root}>
      {admin && (
        <TabList
          aria-label={t('ideas.admin.nav')}
          selectedValue={adminView}
          onTabSelect={(_event, data) => setAdminView(data.value as AdminView)}
          className={styles.nav}
          size="small"
        >
          <Tab value="ideas">{t('ideas.admin.ideas')}</Tab>
          <Tab value="pipeline">{t('ideas.admin.pipeline')}</Tab>
          <Tab value="calls">{t('ideas.admin.calls')}</Tab>
        </TabList>
      )}
      {adminView === 'calls' && (
        <Suspense fallback={<Spinner label={t('app.loading')} />}>
          <IdeaCalls calls={list.calls} onChanged={setCalls} />
        </Suspense>
      )}
      {adminView === 'pipeline' && (
        <Suspense fallback={<Spinner label={t('app.loading')} />}>
          <IdeasPipeline
            call={call}
            onOpen={(id) => {
              setAdminView('ideas');
              open(id);
            }}
          />
        </Suspense>
      )}
      {adminView === 'ideas' && !call && (
        <>
          <Title2 as="h2">{t('ideas.heading')}</Title2>
          <Text as="p" block>
            {t('ideas.call.none')}
          </Text>
        </>
      )}
      {adminView === 'ideas' && call && view.kind === 'idea' && (
        <IdeaPage
          key={view.id}
          id={view.id}
          backLabel={view.fromForm ? t('ideas.backToForm') : t('ideas.back')}
          onOpen={open}
          onBack={view.fromForm ? () => setView({ kind: 'propose' }) : back}
        />
      )}
      {adminView === 'ideas' && call && view.kind === 'propose' && (
        <ProposeIdea
          call={call}
          calls={list}
          draft={draft}
          onDraft={setDraft}
          onProposed={(id) => {
            setDraft(emptyDraft());
            open(id);
          }}
          onOpen={openFromForm}
          onBack={back}
        />
      )}
      {adminView === 'ideas' && call && (
        <div className={view.kind === 'list' ? styles.root : styles.away}>
          <CallHeader call={call} />
          {call.open && (
            <div>
              <Button appearance="primary" onClick={() => setView({ kind: 'propose' })}>
                {t('ideas.propose.open')}
              </Button>
            </div>
          )}
          <IdeaList calls={list} call={call.id} version={returns} onOpen={open} />
        </div>
      )}
    </div>
  );
}
