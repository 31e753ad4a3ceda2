import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  Text,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { AudienceRole, Campaign, StartAudience } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { CampaignPreview } from '../CampaignPreview/CampaignPreview';
import { describeAudience } from '../Campaigns/campaign-view';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { DepartmentPicker } from '../DepartmentPicker/DepartmentPicker';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { useNewCampaignStyles } from './NewCampaign.styles';

type AudienceKind = StartAudience['kind'];
const ROLES: readonly AudienceRole[] = ['manager', 'facilitator', 'admin'];

function audienceOf(
  kind: AudienceKind,
  departments: string[],
  role: AudienceRole,
): StartAudience | null {
  if (kind === 'all') return { kind };
  if (kind === 'role') return { kind, role };
  return departments.length > 0 ? { kind, departments } : null;
}

/** Starts an assessment invitation for an audience, after saying who will receive it. */
export function NewCampaign({ onStarted }: { onStarted: (campaign: Campaign) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useNewCampaignStyles();
  const headingId = useId();
  const [kind, setKind] = useState<AudienceKind>('all');
  const [departments, setDepartments] = useState<string[]>([]);
  const [role, setRole] = useState<AudienceRole>('manager');
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run, clearError } = useAction<'start'>();
  const [started, setStarted] = useState<string | null>(null);
  // One object per choice: the preview is read again only when the audience changes.
  const audience = useMemo(() => audienceOf(kind, departments, role), [kind, departments, role]);

  const start = async () => {
    if (!audience) return;
    await run('start', async () => {
      const campaign = await api.startCampaign(audience);
      setStarted(describeAudience(audience, t));
      onStarted(campaign);
    });
    setConfirming(false);
  };

  return (
    <Card className={styles.root}>
      <section aria-labelledby={headingId} className={styles.form}>
        <Subtitle1 as="h3" id={headingId}>
          {t('campaigns.new.heading')}
        </Subtitle1>
        <Field label={t('campaigns.new.audience')}>
          <RadioGroup
            value={kind}
            onChange={(_event, data) => {
              setKind(data.value as AudienceKind);
              clearError();
            }}
          >
            <Radio value="all" label={t('campaigns.audience.all')} />
            <Radio value="departments" label={t('campaigns.new.departments')} />
            <Radio value="role" label={t('campaigns.new.role')} />
          </RadioGroup>
        </Field>
        {kind === 'departments' && (
          <DepartmentPicker selected={departments} onChange={setDepartments} />
        )}
        {kind === 'role' && (
          <Field label={t('campaigns.new.pickRole')}>
            <Select
              value={role}
              className={styles.picker}
              onChange={(_event, data) => setRole(data.value as AudienceRole)}
            >
              {ROLES.map((id) => (
                <option key={id} value={id}>
                  {t(`campaigns.role.${id}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {error !== null && <ErrorBar error={error} />}
        {started !== null && error === null && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t('campaigns.new.started', { audience: started })}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <ConfirmDialog
            trigger={
              <Button appearance="primary" disabled={!audience || busy !== null}>
                {t('campaigns.new.start')}
              </Button>
            }
            open={confirming}
            onOpenChange={(open) => {
              setConfirming(open);
              if (!open) return;
              setStarted(null);
              clearError();
            }}
            title={t('campaigns.new.confirm.title')}
            confirmLabel={t('campaigns.new.confirm.ok')}
            dismissLabel={t('campaigns.new.confirm.back')}
            busy={busy !== null}
            onConfirm={() => void start()}
          >
            <Text as="p" block weight="semibold">
              {audience &&
                t('campaigns.new.confirm.audience', { audience: describeAudience(audience, t) })}
            </Text>
            {audience && <CampaignPreview audience={audience} />}
            <Text as="p" block>
              {t('campaigns.new.confirm.body')}
            </Text>
          </ConfirmDialog>
        </div>
      </section>
    </Card>
  );
}
