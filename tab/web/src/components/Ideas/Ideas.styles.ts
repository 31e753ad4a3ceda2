import { makeStyles, tokens } from '@fluentui/react-components';
import { ideaScreens } from './idea-screens.styles';
import { narrowableField } from '../shared.styles';

export const useIdeasStyles = makeStyles({
  root: ideaScreens.root,
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
  list: ideaScreens.list,
  item: ideaScreens.item,
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
