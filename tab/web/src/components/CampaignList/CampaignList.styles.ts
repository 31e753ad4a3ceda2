import { makeStyles, tokens } from '@fluentui/react-components';
import { tableScroller } from '../shared.styles';

export const useCampaignListStyles = makeStyles({
  scroller: tableScroller,
  table: { minWidth: '36rem' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
});
