import { makeStyles, tokens } from '@fluentui/react-components';

export const useNewCampaignStyles = makeStyles({
  root: { maxWidth: '40rem' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  picker: { maxWidth: '32rem' },
});
