import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { AudienceRole } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { DepartmentPicker } from '../DepartmentPicker/DepartmentPicker';
import { errorAt, type FieldErrors } from './field-errors';
import { MAX_REMINDERS, type SurveyDraft } from './survey-draft';
import { useSurveyBuilderStyles } from './SurveyBuilder.styles';
import { TextPair } from './TextPair';

const ROLES: readonly AudienceRole[] = ['manager', 'facilitator', 'admin'];

const invalid = (message: string | undefined) => ({
  validationMessage: message,
  validationState: message ? ('error' as const) : ('none' as const),
});

/** Who answers, how (anonymous or identified, with the purpose), and when. */
export function SurveySettings({
  draft,
  onChange,
  errors,
}: {
  draft: SurveyDraft;
  onChange: (change: Partial<SurveyDraft>) => void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const styles = useSurveyBuilderStyles();
  const headingId = useId();
  const { audience } = draft;
  const setAudience = (change: Partial<SurveyDraft['audience']>) =>
    onChange({ audience: { ...audience, ...change } });

  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle1 as="h3" id={headingId}>
        {t('surveys.builder.settings')}
      </Subtitle1>
      <Field
        label={t('surveys.builder.anonymity')}
        hint={t(
          draft.anonymous ? 'surveys.builder.anonymous.hint' : 'surveys.builder.identified.hint',
        )}
      >
        <RadioGroup
          value={draft.anonymous ? 'anonymous' : 'identified'}
          onChange={(_event, data) => onChange({ anonymous: data.value === 'anonymous' })}
        >
          <Radio value="anonymous" label={t('surveys.builder.anonymous')} />
          <Radio value="identified" label={t('surveys.builder.identified')} />
        </RadioGroup>
      </Field>
      {!draft.anonymous && (
        <TextPair
          label={t('surveys.builder.purpose')}
          value={draft.purpose}
          onChange={(purpose) => onChange({ purpose })}
          path="purpose"
          errors={errors}
          required
          multiline
          maxLength={500}
        />
      )}
      <Field label={t('campaigns.new.audience')} {...invalid(errors.get('audience'))}>
        <RadioGroup
          value={audience.kind}
          onChange={(_event, data) =>
            setAudience({ kind: data.value as SurveyDraft['audience']['kind'] })
          }
        >
          <Radio value="all" label={t('campaigns.audience.all')} />
          <Radio value="departments" label={t('campaigns.new.departments')} />
          <Radio value="role" label={t('campaigns.new.role')} />
        </RadioGroup>
      </Field>
      {audience.kind === 'departments' && (
        <DepartmentPicker
          selected={audience.departments}
          onChange={(departments) => setAudience({ departments })}
        />
      )}
      {audience.kind === 'role' && (
        <Field label={t('campaigns.new.pickRole')} className={styles.type}>
          <Select
            value={audience.role}
            onChange={(_event, data) => setAudience({ role: data.value as AudienceRole })}
          >
            {ROLES.map((id) => (
              <option key={id} value={id}>
                {t(`campaigns.role.${id}`)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.row}>
        <Field
          label={t('surveys.builder.opensAt')}
          hint={t('surveys.builder.opensAt.hint')}
          className={styles.date}
          {...invalid(errors.get('opensAt'))}
        >
          <Input
            type="datetime-local"
            value={draft.opensAt}
            onChange={(_event, data) => onChange({ opensAt: data.value })}
          />
        </Field>
        <Field
          label={t('surveys.builder.closesAt')}
          hint={t('surveys.builder.closesAt.hint')}
          className={styles.date}
          {...invalid(errors.get('closesAt'))}
        >
          <Input
            type="datetime-local"
            value={draft.closesAt}
            onChange={(_event, data) => onChange({ closesAt: data.value })}
          />
        </Field>
      </div>
      <div
        role="group"
        aria-labelledby={`${headingId}-reminders`}
        aria-describedby={`${headingId}-reminders-hint`}
        className={styles.section}
      >
        <Text id={`${headingId}-reminders`} weight="semibold">
          {t('surveys.builder.reminders')}
        </Text>
        <Text id={`${headingId}-reminders-hint`} size={200} className={styles.muted}>
          {t('surveys.builder.reminders.hint', { max: MAX_REMINDERS })}
        </Text>
        {errors.get('reminders') !== undefined && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{errors.get('reminders')}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.section}>
          {draft.reminders.map((reminder, at) => (
            <div key={at} className={styles.row}>
              <Field
                label={t('surveys.builder.reminder', { n: at + 1 })}
                className={styles.date}
                {...invalid(errorAt(errors, `reminders.${at}`))}
              >
                <Input
                  type="datetime-local"
                  value={reminder}
                  onChange={(_event, data) =>
                    onChange({
                      reminders: draft.reminders.map((r, i) => (i === at ? data.value : r)),
                    })
                  }
                />
              </Field>
              <Button
                onClick={() => onChange({ reminders: draft.reminders.filter((_, i) => i !== at) })}
              >
                {t('surveys.builder.removeReminder', { n: at + 1 })}
              </Button>
            </div>
          ))}
          {draft.reminders.length < MAX_REMINDERS && (
            <div>
              <Button onClick={() => onChange({ reminders: [...draft.reminders, ''] })}>
                {t('surveys.builder.addReminder')}
              </Button>
            </div>
          )}
        </div>
      </div>
      <Field
        label={t('surveys.builder.k')}
        hint={t('surveys.builder.k.hint')}
        className={styles.number}
        {...invalid(errors.get('k'))}
      >
        <Input
          type="number"
          min={3}
          max={20}
          value={String(draft.k)}
          onChange={(_event, data) => onChange({ k: Number(data.value) })}
        />
      </Field>
    </section>
  );
}
