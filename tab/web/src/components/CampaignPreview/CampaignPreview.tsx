import {
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import type { CampaignPreview as Preview, StartAudience } from '../../api/types';
import { useApi, useLoad } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';
import { useCampaignProgressStyles } from '../CampaignProgress/CampaignProgress.styles';
import { ErrorBar } from '../ErrorBar/ErrorBar';

const ROWS: readonly (keyof Preview)[] = [
  'audience',
  'reachable',
  'alreadyCompleted',
  'unreachable',
];

/** What starting the invitation would do now, read when shown (in the confirmation dialog). */
export function CampaignPreview({ audience }: { audience: StartAudience }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useCampaignProgressStyles();
  const load = useCallback(() => api.previewCampaign(audience), [api, audience]);
  const [preview, reload] = useLoad(load);
  if (preview.state === 'loading')
    return <Spinner size="tiny" label={t('campaigns.preview.loading')} />;
  if (preview.state === 'failed') return <ErrorBar error={preview.error} onRetry={reload} />;
  const number = new Intl.NumberFormat(locale);
  return (
    <Table aria-label={t('campaigns.preview.caption')} size="small" className={styles.counts}>
      <TableBody>
        {ROWS.map((row) => (
          <TableRow key={row}>
            <TableHeaderCell scope="row">{t(`campaigns.preview.${row}`)}</TableHeaderCell>
            <TableCell className={styles.number}>{number.format(preview.value[row])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
