import { makeStyles, tokens } from '@fluentui/react-components';

export const useCampaignListStyles = makeStyles({
  // Columns as wide as their content (ScrollingTable): short ones never wrap, the audience does.
  nowrap: { whiteSpace: 'nowrap' },
  audience: { minWidth: '12rem' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  current: { fontWeight: tokens.fontWeightSemibold },
});
