import { makeStyles } from '@fluentui/react-components';
import { pickerColumn } from '../shared.styles';

export const usePickerStyles = makeStyles({
  root: pickerColumn,
  tags: { flexWrap: 'wrap' },
});
