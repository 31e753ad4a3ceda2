import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { itemBox, plainList } from '../shared.styles';

export const useLabPageStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  title: { ...typographyStyles.title2, margin: 0, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  goal: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '48rem' },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  parts: { flexWrap: 'wrap' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  log: plainList,
  entry: itemBox,
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});
