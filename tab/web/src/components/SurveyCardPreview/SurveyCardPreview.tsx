import {
  Button,
  Card,
  Field,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Survey } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n, type Locale } from '../../i18n/i18n';
import { useTeams } from '../../teams/teams-context';
import { themes } from '../../teams/themes';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { renderCard } from './render-card';
import { useSurveyCardPreviewStyles } from './SurveyCardPreview.styles';

/** The card people will get in chat, page by page and in either language, as the server builds it. */
export function SurveyCardPreview({ survey }: { survey: Survey }) {
  const { t, locale } = useI18n();
  const { theme } = useTeams();
  const api = useApi();
  const styles = useSurveyCardPreviewStyles();
  const headingId = useId();
  const [language, setLanguage] = useState<Locale>(locale);
  const [page, setPage] = useState(0);
  const host = useRef<HTMLDivElement>(null);
  const load = useCallback(
    () => api.surveyCard(survey.id, language, page),
    // A new save is a new survey object: the card is read again.
    [api, survey, language, page],
  );
  const [preview, reload] = useLoad(load);
  const [drawError, setDrawError] = useState<unknown>(null);

  useEffect(() => {
    const target = host.current;
    if (preview.state !== 'loaded' || !target) return;
    let live = true;
    renderCard(preview.value.card, themes[theme]).then(
      (element) => live && target.replaceChildren(element),
      (error: unknown) => live && setDrawError(error),
    );
    return () => {
      live = false;
    };
  }, [preview, theme]);

  const pages = preview.state === 'loaded' ? preview.value.pages : survey.pages.length;
  return (
    <Card>
      <section aria-labelledby={headingId} className={styles.root}>
        <Subtitle1 as="h3" id={headingId}>
          {t('surveys.preview.heading')}
        </Subtitle1>
        <div className={styles.controls}>
          <Field label={t('surveys.preview.language')}>
            <RadioGroup
              layout="horizontal"
              value={language}
              onChange={(_event, data) => setLanguage(data.value as Locale)}
            >
              <Radio value="it-IT" label={t('surveys.preview.it')} />
              <Radio value="en-US" label={t('surveys.preview.en')} />
            </RadioGroup>
          </Field>
        </div>
        <div role="group" aria-label={t('surveys.preview.pages')} className={styles.controls}>
          <Button disabled={page === 0} onClick={() => setPage(page - 1)}>
            {t('surveys.preview.previous')}
          </Button>
          <Text aria-live="polite">
            {t('surveys.preview.page', { page: page + 1, pages: Math.max(pages, 1) })}
          </Text>
          <Button disabled={page >= pages - 1} onClick={() => setPage(page + 1)}>
            {t('surveys.preview.next')}
          </Button>
        </div>
        {preview.state === 'loading' && <Spinner size="tiny" label={t('app.loading')} />}
        {preview.state === 'failed' && <ErrorBar error={preview.error} onRetry={reload} />}
        {drawError !== null && <ErrorBar error={drawError} />}
        <div
          ref={host}
          role="region"
          aria-label={t('surveys.preview.card')}
          className={styles.card}
          hidden={preview.state !== 'loaded'}
        />
      </section>
    </Card>
  );
}
