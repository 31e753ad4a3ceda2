import { Button, Spinner, Subtitle1, Text, Title2 } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { SurveyBuilder } from '../SurveyBuilder/SurveyBuilder';
import type { BuilderStart } from '../SurveyBuilder/use-survey-builder';
import { SurveyDetail } from '../SurveyDetail/SurveyDetail';
import { NewSurvey } from './NewSurvey';
import { SurveyList } from './SurveyList';
import { useSurveysStyles } from './Surveys.styles';

type View =
  { kind: 'list' } | { kind: 'build'; start: BuilderStart } | { kind: 'survey'; id: string };

/**
 * «Sondaggi»: admins build, launch and follow pulse surveys; managers read the results of the
 * departments of their subtree.
 */
export function Surveys({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useSurveysStyles();
  const headingId = useId();
  const load = useCallback(() => api.surveys(), [api]);
  const [surveys, reload] = useLoad(load);
  const [view, setView] = useState<View>({ kind: 'list' });
  const back = () => {
    setView({ kind: 'list' });
    reload();
  };
  const open = useCallback(
    (id: string) => {
      setView({ kind: 'survey', id });
      reload();
    },
    [reload],
  );
  const shown =
    view.kind === 'survey' && surveys.state === 'loaded'
      ? surveys.value.find((s) => s.id === view.id)
      : undefined;

  return (
    <div className={styles.root}>
      <Title2 as="h2">{t('surveys.heading')}</Title2>
      <Text as="p" block className={styles.intro}>
        {t(admin ? 'surveys.intro.admin' : 'surveys.intro.manager')}
      </Text>
      {view.kind !== 'list' && (
        <Button className={styles.back} onClick={back}>
          {t('surveys.back')}
        </Button>
      )}
      {view.kind === 'build' && (
        <SurveyBuilder start={view.start} onLaunched={open} onSaved={reload} />
      )}
      {view.kind === 'survey' &&
        (shown ? (
          <SurveyDetail
            key={shown.id}
            survey={shown}
            admin={admin}
            onEdit={(start) => setView({ kind: 'build', start })}
            onChange={reload}
          />
        ) : surveys.state === 'failed' ? (
          <ErrorBar error={surveys.error} onRetry={reload} />
        ) : (
          <Spinner label={t('app.loading')} />
        ))}
      {view.kind === 'list' && (
        <>
          {admin && (
            <NewSurvey
              onStart={(draft) => setView({ kind: 'build', start: { id: null, draft } })}
            />
          )}
          <section aria-labelledby={headingId} className={styles.section}>
            <Subtitle1 as="h3" id={headingId}>
              {t('surveys.list.heading')}
            </Subtitle1>
            {surveys.state === 'loading' && <Spinner label={t('app.loading')} />}
            {surveys.state === 'failed' && <ErrorBar error={surveys.error} onRetry={reload} />}
            {surveys.state === 'loaded' && (
              <SurveyList
                surveys={surveys.value}
                onOpen={(survey) => setView({ kind: 'survey', id: survey.id })}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
