import { makeStyles, tokens } from '@fluentui/react-components';

export const useContestStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  text: { maxWidth: '45rem', whiteSpace: 'pre-line' },
  meta: { color: tokens.colorNeutralForeground2 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '36rem',
  },
  dates: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(14rem, 100%), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  preview: {
    maxWidth: '100%',
    maxHeight: '16rem',
    objectFit: 'contain',
    alignSelf: 'flex-start',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  gallery: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(15rem, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  entry: { height: '100%' },
  thumbnail: {
    width: '100%',
    aspectRatio: '4 / 3',
    objectFit: 'contain',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  winner: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});
