import { makeStyles, tokens } from '@fluentui/react-components';
import { card, narrowableField, plainList } from '../shared.styles';

export const useWorkspaceStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
  },
  search: narrowableField('20rem'),
  filter: narrowableField('12rem'),
  list: plainList,
  row: card,
  title: { fontWeight: tokens.fontWeightSemibold, textAlign: 'start' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  meta: { color: tokens.colorNeutralForeground2 },
});
