import { makeStyles, tokens } from '@fluentui/react-components';

export const usePersonPickerStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '30rem',
    minWidth: 0,
  },
  tags: { flexWrap: 'wrap' },
});
