import { makeStyles, tokens } from '@fluentui/react-components';
import { narrowableField } from '../shared.styles';

export const useHeatmapFiltersStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalM,
  },
  field: narrowableField('20rem'),
});
