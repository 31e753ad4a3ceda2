import { makeStyles, tokens } from '@fluentui/react-components';

export const useHeatmapFiltersStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalM,
  },
  field: { minWidth: '20rem' },
});
