import { makeStyles, tokens } from '@fluentui/react-components';

export const useCampaignListStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: '36rem' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
});
