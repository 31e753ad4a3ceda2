import { makeStyles, tokens } from '@fluentui/react-components';
import { narrowableField } from '../shared.styles';

export const useFacilitatorsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
  card: { maxWidth: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    // A wide table scrolls inside its own region instead of widening the page.
    minWidth: 0,
  },
  fields: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
  },
  field: { width: 'min(16rem, 100%)' },
  filter: narrowableField('16rem'),
  // The region scrolls past the screen rather than squeezing the columns.
  wideTable: { minWidth: '40rem' },
  rowHeader: { fontWeight: tokens.fontWeightSemibold },
  nowrap: { whiteSpace: 'nowrap' },
  id: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  note: { minWidth: '14rem', overflowWrap: 'anywhere' },
  below: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  badge: { whiteSpace: 'nowrap' },
  targetInput: { width: '6rem' },
});
