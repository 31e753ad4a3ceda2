import { makeStyles, tokens } from '@fluentui/react-components';
import { narrowableField } from '../shared.styles';

export const useIdeasStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  away: { display: 'none' },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
  question: { maxWidth: '48rem', overflowWrap: 'anywhere' },
  nav: { flexWrap: 'wrap' },
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  search: { width: 'min(24rem, 100%)' },
  filter: narrowableField('12rem'),
  list: {
    listStyleType: 'none',
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
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground2,
  },
  title: { textAlign: 'start', overflowWrap: 'anywhere' },
  pager: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
});
