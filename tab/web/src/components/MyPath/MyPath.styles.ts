import { makeStyles, tokens } from '@fluentui/react-components';

export const useMyPathStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  next: { maxWidth: '40rem' },
  meta: { color: tokens.colorNeutralForeground2 },
  table: { maxWidth: '60rem' },
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
  },
});
