import { makeStyles, tokens } from '@fluentui/react-components';

export const useChannelTabConfigStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    maxWidth: '40rem',
    overflowWrap: 'anywhere',
  },
});
