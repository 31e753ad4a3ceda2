import { makeStyles, tokens } from '@fluentui/react-components';

export const useListTableStyles = makeStyles({
  // Columns as wide as their content (ScrollingTable): short ones never wrap, wide ones do.
  nowrap: { whiteSpace: 'nowrap' },
  wide: { minWidth: '12rem' },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  current: { fontWeight: tokens.fontWeightSemibold },
});
