import { makeStyles, tokens } from '@fluentui/react-components';

export const useFacilitatorRosterStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  table: { maxWidth: '60rem' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  import: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '40rem',
  },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});
