import { Button, Text } from '@fluentui/react-components';
import { downloadText } from '../../api/download';
import type { UnreachablePerson } from '../../api/types';
import { useAction, useApi } from '../../api/use-api';
import { useI18n, type Locale, type Translate } from '../../i18n/i18n';
import { csvText } from '../Dashboard/heatmap-csv';
import { ErrorBar } from '../ErrorBar/ErrorBar';

/** The people to ask IT to install the app for: a spreadsheet with name, UPN and area. */
export function unreachableCsv(
  people: readonly UnreachablePerson[],
  t: Translate,
  locale: Locale,
): string {
  const header = ['name', 'upn', 'department', 'id'] as const;
  return csvText(
    [
      header.map((column) => t(`campaigns.unreachable.column.${column}`)),
      ...people.map((p) => header.map((column) => p[column])),
    ],
    locale,
  );
}

/**
 * Who the campaign could not reach, as a file for IT (admins only, like the whole screen: names
 * and UPNs are personal data shown to the programme team to get the app installed).
 */
export function CampaignUnreachable({ campaignId, count }: { campaignId: string; count: number }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const { busy, error, run } = useAction<'download'>();
  const download = () =>
    run('download', async () => {
      const people = await api.unreachable(campaignId);
      downloadText(
        t('campaigns.unreachable.file', { id: campaignId }),
        unreachableCsv(people, t, locale),
        'text/csv;charset=utf-8',
      );
    });
  return (
    <>
      <Text as="p" block>
        {t('campaigns.counts.note')}
      </Text>
      <div>
        <Button disabled={busy !== null} onClick={() => void download()}>
          {t('campaigns.unreachable.download', {
            count: new Intl.NumberFormat(locale).format(count),
          })}
        </Button>
      </div>
      {error !== null && <ErrorBar error={error} />}
    </>
  );
}
