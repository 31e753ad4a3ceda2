import { makeStaticStyles, makeStyles, tokens } from '@fluentui/react-components';

/** The printed report: A4 with narrow margins. */
export const usePageStyles = makeStaticStyles('@page { size: A4; margin: 12mm; }');

export const useOverviewStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
    '@media print': { gap: tokens.spacingVerticalS, fontSize: tokens.fontSizeBase200 },
  },
  // The report's own theme while printing; on screen it lets the page's background through.
  provider: {
    backgroundColor: 'transparent',
    minWidth: 0,
    '@media print': { backgroundColor: tokens.colorNeutralBackground1 },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  // Two tiles side by side where there is room, one above the other on a phone and on paper.
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(30rem, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
    '@media print': { display: 'block' },
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    '@media print': {
      breakInside: 'avoid-page',
      padding: `${tokens.spacingVerticalS} 0`,
      border: 'none',
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: 0,
      // Paper has no room to scroll: the tables wrap instead.
      '& [role="region"]': { overflow: 'visible' },
      '& table': { minWidth: 0, width: '100%' },
    },
  },
  chart: {
    margin: 0,
    minWidth: 0,
    overflow: 'hidden',
    // On paper the tables carry the figures; the charts would not re-measure for the page.
    '@media print': { display: 'none' },
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    '@media print': { display: 'none' },
  },
  screenOnly: { '@media print': { display: 'none' } },
  number: { fontVariantNumeric: 'tabular-nums' },
  hidden: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
});
