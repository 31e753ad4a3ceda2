import { makeStyles, tokens } from '@fluentui/react-components';

export const useCampaignsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filter: { maxWidth: '28rem' },
  columns: {
    display: 'grid',
    // One column on a phone (Teams mobile is about 420 px wide): never wider than the screen.
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(24rem, 100%), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXXL,
    // A wide table scrolls inside its own region instead of widening its column.
    '& > *': { minWidth: 0 },
  },
});
