import { makeStyles, tokens } from '@fluentui/react-components';

export const useShellStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column' },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL} 0`,
  },
  user: { color: tokens.colorNeutralForeground2 },
  // An admin's nine sections do not fit a phone's width on one line.
  nav: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, flexWrap: 'wrap' },
  panel: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXXL}`,
    maxWidth: '72rem',
    '@media print': { padding: 0, maxWidth: 'none' },
  },
  // The printed report is the screen's content alone.
  screenOnly: { '@media print': { display: 'none' } },
});
