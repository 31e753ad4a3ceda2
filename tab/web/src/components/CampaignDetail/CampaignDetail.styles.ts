import { makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '../shared.styles';

export const useCampaignDetailStyles = makeStyles({
  root: { minWidth: '20rem' },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  visuallyHidden,
});
