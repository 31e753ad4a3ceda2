import { makeStyles, tokens } from '@fluentui/react-components';

export const useLabOverviewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // The region scrolls past the screen rather than squeezing the columns.
  table: { minWidth: '56rem' },
  nowrap: { whiteSpace: 'nowrap' },
  departments: { minWidth: '12rem' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});
