import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

export const useCommunityBoardStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
  back: { alignSelf: 'start' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
  solution: { border: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteGreenBorder2}` },
  heading: { ...typographyStyles.title3, margin: 0, overflowWrap: 'anywhere' },
  title: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { color: tokens.colorNeutralForeground2 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});
