import { ProgressBar, Text } from '@fluentui/react-components';
import type { FacilitatorRound } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** A round whose shortlist is still being built: how far, in words and as a bar. */
export function RoundPreparing({ progress }: { progress: FacilitatorRound['progress'] }) {
  const { t, locale } = useI18n();
  const share = progress && progress.total > 0 ? progress.done / progress.total : null;
  const text =
    share === null
      ? t('facilitators.round.preparingStart')
      : t('facilitators.round.preparing', {
          percent: new Intl.NumberFormat(locale, { style: 'percent' }).format(share),
        });
  return (
    <div role="status">
      <Text as="p" block>
        {text}
      </Text>
      <ProgressBar
        // No value: the candidates are still being read (an indeterminate bar).
        {...(share === null ? {} : { value: share, max: 1 })}
        thickness="large"
        aria-label={t('facilitators.round.preparingLabel')}
        aria-valuetext={text}
      />
    </div>
  );
}
