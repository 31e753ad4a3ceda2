import { makeStyles, tokens } from '@fluentui/react-components';

export const useAppStyles = makeStyles({
  root: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    // Paper is white whatever the theme (the printed report sets its own light theme).
    '@media print': { minHeight: 0, backgroundColor: 'transparent' },
  },
});
