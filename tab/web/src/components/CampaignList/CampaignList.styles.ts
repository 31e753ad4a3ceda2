import { makeStyles, tokens } from '@fluentui/react-components';
import { tableScroller } from '../shared.styles';

export const useCampaignListStyles = makeStyles({
  scroller: tableScroller,
  table: { minWidth: '36rem' },
  // Fluent's table shares its width equally: the short columns get what they need, the
  // audience the rest.
  created: { width: '11rem' },
  kind: { width: '11rem' },
  state: { width: '9rem' },
  audience: { overflowWrap: 'anywhere' },
  stateCell: { whiteSpace: 'nowrap' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  current: { fontWeight: tokens.fontWeightSemibold },
});
