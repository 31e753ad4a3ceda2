import { makeStyles } from '@fluentui/react-components';

export const useCampaignProgressStyles = makeStyles({
  counts: { maxWidth: '24rem' },
  number: { fontVariantNumeric: 'tabular-nums' },
});
