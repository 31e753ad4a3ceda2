import { makeStyles, tokens } from '@fluentui/react-components';
import { tableScroller } from '../shared.styles';

export const useCampaignListStyles = makeStyles({
  scroller: tableScroller,
  // Fluent's table shares its width equally (fixed layout), which clipped the state and wrapped
  // the audience over many lines: the columns take what their content needs, the audience wraps.
  table: { tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
  audience: { minWidth: '12rem' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  current: { fontWeight: tokens.fontWeightSemibold },
});
