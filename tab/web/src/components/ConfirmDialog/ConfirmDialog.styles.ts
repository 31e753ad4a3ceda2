import { makeStyles, tokens } from '@fluentui/react-components';

export const useConfirmDialogStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});
