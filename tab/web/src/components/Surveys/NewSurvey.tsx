import { Button, Card, Field, Select, Spinner, Subtitle1, Text } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { draftOf, emptyDraft, type SurveyDraft } from '../SurveyBuilder/survey-draft';
import { useSurveysStyles } from './Surveys.styles';

/** Starts the builder from one of the templates, or from an empty survey. */
export function NewSurvey({ onStart }: { onStart: (draft: SurveyDraft) => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useSurveysStyles();
  const headingId = useId();
  const load = useCallback(() => api.surveyTemplates(), [api]);
  const [templates, reload] = useLoad(load);
  const [chosen, setChosen] = useState('');

  const start = () => {
    const template =
      templates.state === 'loaded' ? templates.value.find((x) => x.id === chosen) : undefined;
    onStart(template ? draftOf(template.survey, template.id) : emptyDraft());
  };
  const description =
    templates.state === 'loaded'
      ? templates.value.find((x) => x.id === chosen)?.description[locale]
      : undefined;

  return (
    <Card className={styles.start}>
      <section aria-labelledby={headingId} className={styles.section}>
        <Subtitle1 as="h3" id={headingId}>
          {t('surveys.new.heading')}
        </Subtitle1>
        {templates.state === 'loading' && <Spinner size="tiny" label={t('app.loading')} />}
        {templates.state === 'failed' && <ErrorBar error={templates.error} onRetry={reload} />}
        {templates.state === 'loaded' && (
          <Field label={t('surveys.new.from')} className={styles.template}>
            <Select value={chosen} onChange={(_event, data) => setChosen(data.value)}>
              <option value="">{t('surveys.new.scratch')}</option>
              {templates.value.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.title[locale]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {description && (
          <Text as="p" block>
            {description}
          </Text>
        )}
        <div>
          <Button appearance="primary" onClick={start} disabled={templates.state === 'loading'}>
            {t('surveys.new.start')}
          </Button>
        </div>
      </section>
    </Card>
  );
}
