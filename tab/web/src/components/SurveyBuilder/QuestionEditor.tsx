import {
  Button,
  Checkbox,
  Field,
  Select,
  Subtitle2,
  Text,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import type { SurveyQuestionType } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { FieldErrors } from './field-errors';
import {
  freshId,
  MAX_OPTIONS,
  MIN_OPTIONS,
  QUESTION_TYPES,
  emptyText,
  withType,
  type DraftQuestion,
} from './survey-draft';
import { useSurveyBuilderStyles } from './SurveyBuilder.styles';
import { TextPair } from './TextPair';

export interface QuestionEditorProps {
  question: DraftQuestion;
  index: number;
  count: number;
  /** Ids of the move buttons, so the focus can follow a moved question. */
  buttonId: (direction: 'up' | 'down') => string;
  errors: FieldErrors;
  /** Text is offered only while the survey has room for another text question. */
  textAllowed: boolean;
  onChange: (question: DraftQuestion) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One question: its type, texts, options (choices) and place in the survey. */
export function QuestionEditor(props: QuestionEditorProps) {
  const { question, index, count, errors, onChange } = props;
  const { t } = useI18n();
  const styles = useSurveyBuilderStyles();
  const n = index + 1;
  const path = `questions.${index}`;
  const choice = question.type === 'single' || question.type === 'multiple';
  // What the text fields do not show: the question as a whole, its type, its list of options.
  const ownError =
    errors.get(path) ??
    errors.get(`${path}.type`) ??
    errors.get(`${path}.options`) ??
    errors.get(`${path}.id`);
  const setOption = (at: number, text: DraftQuestion['options'][number]['text']) =>
    onChange({
      ...question,
      options: question.options.map((o, i) => (i === at ? { ...o, text } : o)),
    });

  return (
    <div className={styles.question}>
      <Subtitle2 as="h4">{t('surveys.builder.question', { n })}</Subtitle2>
      <div className={styles.row}>
        <Field label={t('surveys.builder.type')} className={styles.type}>
          <Select
            value={question.type}
            onChange={(_event, data) =>
              onChange(withType(question, data.value as SurveyQuestionType))
            }
          >
            {QUESTION_TYPES.filter(
              (type) => type !== 'text' || props.textAllowed || question.type === 'text',
            ).map((type) => (
              <option key={type} value={type}>
                {t(`surveys.type.${type}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          checked={question.required}
          label={t('surveys.builder.required')}
          onChange={(_event, data) => onChange({ ...question, required: data.checked === true })}
        />
      </div>
      <TextPair
        label={t('surveys.builder.questionText')}
        value={question.text}
        onChange={(text) => onChange({ ...question, text })}
        path={`${path}.text`}
        errors={errors}
        required
        maxLength={200}
      />
      {choice && (
        <ol className={styles.options} aria-label={t('surveys.builder.options', { n })}>
          {question.options.map((option, at) => (
            <li key={option.id} className={styles.question}>
              <TextPair
                label={t('surveys.builder.option', { n: at + 1 })}
                value={option.text}
                onChange={(text) => setOption(at, text)}
                path={`${path}.options.${at}.text`}
                errors={errors}
                required
                maxLength={80}
              />
              {question.options.length > MIN_OPTIONS && (
                <div>
                  <Button
                    size="small"
                    onClick={() =>
                      onChange({
                        ...question,
                        options: question.options.filter((_, i) => i !== at),
                      })
                    }
                  >
                    {t('surveys.builder.removeOption', { n: at + 1 })}
                  </Button>
                </div>
              )}
            </li>
          ))}
          {question.options.length < MAX_OPTIONS && (
            <li>
              <Button
                size="small"
                onClick={() =>
                  onChange({
                    ...question,
                    options: [
                      ...question.options,
                      { id: freshId('o', question.options), text: emptyText() },
                    ],
                  })
                }
              >
                {t('surveys.builder.addOption')}
              </Button>
            </li>
          )}
        </ol>
      )}
      {question.type === 'scale' && (
        <Text as="p" block size={200} className={styles.muted}>
          {t('surveys.builder.scaleHint')}
        </Text>
      )}
      {question.type === 'recommend' && (
        <Text as="p" block size={200} className={styles.muted}>
          {t('surveys.builder.recommendHint')}
        </Text>
      )}
      {ownError !== undefined && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{ownError}</MessageBarBody>
        </MessageBar>
      )}
      <div
        role="group"
        aria-label={t('surveys.builder.questionActions', { n })}
        className={styles.actions}
      >
        <Button
          size="small"
          id={props.buttonId('up')}
          disabled={index === 0}
          onClick={() => props.onMove(index - 1)}
          aria-label={t('surveys.builder.moveUp.label', { n })}
        >
          {t('surveys.builder.moveUp')}
        </Button>
        <Button
          size="small"
          id={props.buttonId('down')}
          disabled={index === count - 1}
          onClick={() => props.onMove(index + 1)}
          aria-label={t('surveys.builder.moveDown.label', { n })}
        >
          {t('surveys.builder.moveDown')}
        </Button>
        <Button
          size="small"
          disabled={count === 1}
          onClick={props.onRemove}
          aria-label={t('surveys.builder.remove.label', { n })}
        >
          {t('surveys.builder.remove')}
        </Button>
      </div>
    </div>
  );
}
