import {
  Button,
  Card,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { SurveyCardPreview } from '../SurveyCardPreview/SurveyCardPreview';
import { LaunchSurvey } from './LaunchSurvey';
import { QuestionEditor } from './QuestionEditor';
import { MAX_QUESTIONS, QUESTION_TYPES } from './survey-draft';
import { SurveySettings } from './SurveySettings';
import { useSurveyBuilderStyles } from './SurveyBuilder.styles';
import { TextPair } from './TextPair';
import { useSurveyBuilder, type BuilderStart } from './use-survey-builder';

/**
 * A survey from a template or from scratch: texts in both languages, up to 20 questions, who
 * answers and when; saved as a draft, previewed as the card people get, then launched.
 */
export function SurveyBuilder({
  start,
  onLaunched,
  onSaved,
}: {
  start: BuilderStart;
  onLaunched: (id: string) => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const styles = useSurveyBuilderStyles();
  const ids = useId();
  const builder = useSurveyBuilder(start, onLaunched);
  const { draft, errors, focus } = builder;
  const [previewing, setPreviewing] = useState(false);
  const buttonId = (question: string, direction: 'up' | 'down') =>
    `${ids}-${question}-${direction}`;

  useEffect(() => {
    if (focus) document.getElementById(`${ids}-${focus.question}-${focus.direction}`)?.focus();
  }, [focus, ids]);

  const preview = async () => {
    const saved = await builder.save();
    setPreviewing(saved !== null);
    if (saved) onSaved();
  };

  return (
    <div className={styles.root}>
      <Card>
        <section aria-labelledby={`${ids}-texts`} className={styles.section}>
          <Subtitle1 as="h3" id={`${ids}-texts`}>
            {t('surveys.builder.texts')}
          </Subtitle1>
          <TextPair
            label={t('surveys.builder.title')}
            value={draft.title}
            onChange={(title) => builder.change({ title })}
            path="title"
            errors={errors}
            required
            maxLength={120}
          />
          <TextPair
            label={t('surveys.builder.intro')}
            value={draft.intro}
            onChange={(intro) => builder.change({ intro })}
            path="intro"
            errors={errors}
            multiline
            maxLength={500}
          />
        </section>
      </Card>
      <Card>
        <SurveySettings draft={draft} onChange={builder.change} errors={errors} />
      </Card>
      <Card>
        <section aria-labelledby={`${ids}-questions`} className={styles.section}>
          <Subtitle1 as="h3" id={`${ids}-questions`}>
            {t('surveys.builder.questions', {
              count: draft.questions.length,
              max: MAX_QUESTIONS,
            })}
          </Subtitle1>
          {errors.get('questions') !== undefined && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>{errors.get('questions')}</MessageBarBody>
            </MessageBar>
          )}
          <ol className={styles.questions}>
            {draft.questions.map((question, index) => (
              <li key={question.id}>
                <QuestionEditor
                  question={question}
                  index={index}
                  count={draft.questions.length}
                  buttonId={(direction) => buttonId(question.id, direction)}
                  errors={errors}
                  textAllowed={builder.textAllowed}
                  onChange={(changed) => builder.updateQuestion(index, changed)}
                  onMove={(to) => builder.moveQuestion(index, to)}
                  onRemove={() => builder.removeQuestion(index)}
                />
              </li>
            ))}
          </ol>
          {draft.questions.length < MAX_QUESTIONS ? (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button className={styles.add}>{t('surveys.builder.add')}</Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {QUESTION_TYPES.filter((type) => type !== 'text' || builder.textAllowed).map(
                    (type) => (
                      <MenuItem key={type} onClick={() => builder.addQuestion(type)}>
                        {t(`surveys.type.${type}`)}
                      </MenuItem>
                    ),
                  )}
                </MenuList>
              </MenuPopover>
            </Menu>
          ) : (
            <Text as="p" block className={styles.muted}>
              {t('surveys.builder.full', { max: MAX_QUESTIONS })}
            </Text>
          )}
        </section>
      </Card>
      {builder.error !== null && <ErrorBar error={builder.error} refusal />}
      {errors.size > 0 && (
        <Text as="p" block role="status">
          {t('surveys.builder.fix', { count: errors.size })}
        </Text>
      )}
      <div className={styles.actions}>
        <Button disabled={builder.busy !== null} onClick={() => void preview()}>
          {t('surveys.builder.preview')}
        </Button>
        <LaunchSurvey
          saved={builder.saved}
          busy={builder.busy}
          save={builder.save}
          launch={builder.launch}
          clearError={builder.clearError}
        />
      </div>
      {previewing && builder.saved && builder.id !== null && (
        <SurveyCardPreview survey={builder.saved} />
      )}
      <div role="status" className={styles.visuallyHidden}>
        {builder.announcement}
      </div>
    </div>
  );
}
