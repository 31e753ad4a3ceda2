import { Field, Input, Textarea } from '@fluentui/react-components';
import type { SurveyText } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { FieldErrors } from './field-errors';
import { useSurveyBuilderStyles } from './SurveyBuilder.styles';

const LANGUAGES = ['it-IT', 'en-US'] as const;

/** One text in Italian and English, side by side where there is room; each with its own error. */
export function TextPair({
  label,
  value,
  onChange,
  path,
  errors,
  required = false,
  multiline = false,
  maxLength,
}: {
  label: string;
  value: SurveyText;
  onChange: (value: SurveyText) => void;
  /** The field's path in the request body, to show the server's reason beside it. */
  path: string;
  errors: FieldErrors;
  required?: boolean;
  multiline?: boolean;
  maxLength?: number;
}) {
  const { t } = useI18n();
  const styles = useSurveyBuilderStyles();
  return (
    <div className={styles.pair}>
      {LANGUAGES.map((language) => {
        const message = errors.get(`${path}.${language}`) ?? errors.get(path);
        const props = {
          value: value[language],
          maxLength,
          lang: language.slice(0, 2),
          onChange: (_event: unknown, data: { value: string }) =>
            onChange({ ...value, [language]: data.value }),
        };
        return (
          <Field
            key={language}
            label={t(`surveys.language.${language}`, { label })}
            required={required}
            validationMessage={message}
            validationState={message ? 'error' : 'none'}
          >
            {multiline ? <Textarea resize="vertical" {...props} /> : <Input {...props} />}
          </Field>
        );
      })}
    </div>
  );
}
