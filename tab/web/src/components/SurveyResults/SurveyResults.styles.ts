import { makeStyles, tokens } from '@fluentui/react-components';
import { narrowableField } from '../shared.styles';

export const useSurveyResultsStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalM,
    '& > *': { minWidth: 0 },
  },
  view: narrowableField('20rem'),
  question: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  // The chart beside its table where there is room, above it on a phone.
  figure: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(20rem, 100%), 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  chart: { margin: 0, minWidth: 0, overflow: 'hidden' },
  texts: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    overflowWrap: 'anywhere',
  },
  number: { fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground2 },
});
