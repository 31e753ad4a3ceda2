import { makeStyles, tokens } from '@fluentui/react-components';

export const useDialogStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});
