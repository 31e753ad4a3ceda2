import { makeStyles, tokens } from '@fluentui/react-components';

export const useIdeasPipelineStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // The region scrolls past the screen rather than squeezing the status columns.
  wide: { minWidth: '48rem' },
  rankings: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(20rem, 100%), 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
  ranking: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
  },
  title: { textAlign: 'start' },
  small: { color: tokens.colorNeutralForeground2 },
});
