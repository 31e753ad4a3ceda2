import { Button, Card, Field, Input, Spinner, Subtitle1, Switch } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { FacilitatorThresholds } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useFacilitatorsStyles } from './Facilitators.styles';
import { thresholdProblem } from './shortlist-view';

const DEFAULT_THRESHOLD = '70';
const FIELDS = ['digitalSkills', 'motivation'] as const;

/** Opens a selection round: the two thresholds and whether managers approve. */
export function NewRound({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useFacilitatorsStyles();
  const headingId = useId();
  const [values, setValues] = useState<Record<keyof FacilitatorThresholds, string>>({
    digitalSkills: DEFAULT_THRESHOLD,
    motivation: DEFAULT_THRESHOLD,
  });
  const [managerApproval, setManagerApproval] = useState(true);
  const [tried, setTried] = useState(false);
  const { busy, error, run } = useAction<'create'>();
  const problems = {
    digitalSkills: thresholdProblem(values.digitalSkills),
    motivation: thresholdProblem(values.motivation),
  };

  const create = () => {
    setTried(true);
    if (problems.digitalSkills || problems.motivation) return;
    void run('create', async () => {
      const thresholds = {
        digitalSkills: Number(values.digitalSkills),
        motivation: Number(values.motivation),
      };
      onCreated(await api.createFacilitatorRound({ thresholds, managerApproval }));
    });
  };

  return (
    <Card className={styles.card}>
      <form
        aria-labelledby={headingId}
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          create();
        }}
      >
        <Subtitle1 as="h3" id={headingId}>
          {t('facilitators.new.heading')}
        </Subtitle1>
        <div className={styles.fields}>
          {FIELDS.map((field) => {
            const problem = tried ? problems[field] : null;
            return (
              <Field
                key={field}
                label={t(`facilitators.dimension.${field}`)}
                hint={t('facilitators.new.thresholdHint')}
                validationState={problem ? 'error' : 'none'}
                validationMessage={problem ? t(`facilitators.new.threshold.${problem}`) : undefined}
                required
                className={styles.field}
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  step={1}
                  value={values[field]}
                  onChange={(_event, data) =>
                    setValues((previous) => ({ ...previous, [field]: data.value }))
                  }
                />
              </Field>
            );
          })}
        </div>
        <Switch
          checked={managerApproval}
          onChange={(_event, data) => setManagerApproval(data.checked)}
          label={t('facilitators.new.managerApproval')}
        />
        {error !== null && <ErrorBar error={error} refusal />}
        <div>
          <Button
            type="submit"
            appearance="primary"
            disabled={busy !== null}
            icon={busy ? <Spinner size="tiny" /> : undefined}
          >
            {t('facilitators.new.create')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
