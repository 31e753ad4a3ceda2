import { makeStyles, tokens } from '@fluentui/react-components';
import { itemBox, plainList } from '../shared.styles';

export const useLabUpdatesStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
  },
  people: { display: 'flex', flexDirection: 'column', border: 'none', margin: 0, padding: 0 },
  list: plainList,
  entry: itemBox,
  meta: { color: tokens.colorNeutralForeground2 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  slider: { maxWidth: '100%' },
});
