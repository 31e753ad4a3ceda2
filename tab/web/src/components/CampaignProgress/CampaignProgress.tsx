import {
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { CampaignCounts, CampaignStatus } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { ProgressView } from '../Campaigns/campaign-view';
import { useCampaignProgressStyles } from './CampaignProgress.styles';

const OUTCOMES = [
  'sent',
  'pending',
  'failed',
  'blocked',
  'unreachable',
  'alreadyCompleted',
  'total',
] as const;

function Counts({ counts }: { counts: CampaignCounts }) {
  const { t, locale } = useI18n();
  const styles = useCampaignProgressStyles();
  const number = new Intl.NumberFormat(locale);
  return (
    <Table aria-label={t('campaigns.counts.caption')} size="small" className={styles.counts}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('campaigns.counts.outcome')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('campaigns.counts.people')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {OUTCOMES.map((outcome) => (
          <TableRow key={outcome}>
            <TableHeaderCell scope="row">{t(`campaigns.counts.${outcome}`)}</TableHeaderCell>
            <TableCell className={styles.number}>{number.format(counts[outcome])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * How far the sending is (as `view` words it, the same words the live region speaks), with its
 * counts by outcome and what an admin should know about it.
 */
export function CampaignProgress({ status, view }: { status: CampaignStatus; view: ProgressView }) {
  const { t, locale } = useI18n();
  const { counts } = status;
  const number = new Intl.NumberFormat(locale);
  const inDoubt = new Intl.PluralRules(locale).select(counts.inDoubt) === 'one' ? 'one' : 'other';
  return (
    <>
      <Field label={t('campaigns.detail.progress')} hint={view.summary}>
        <ProgressBar value={view.value} max={1} thickness="large" aria-valuetext={view.valueText} />
      </Field>
      {view.eta !== null && (
        <Text as="p" block>
          {t('campaigns.detail.eta', { duration: view.eta })}
        </Text>
      )}
      {view.stalled !== null && (
        <Text as="p" block>
          {view.stalled}
        </Text>
      )}
      {status.state === 'running' && !status.sending && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('campaigns.detail.notSending')}</MessageBarBody>
        </MessageBar>
      )}
      {counts.inDoubt > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t(`campaigns.detail.inDoubt.${inDoubt}`, { count: number.format(counts.inDoubt) })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Counts counts={counts} />
    </>
  );
}
