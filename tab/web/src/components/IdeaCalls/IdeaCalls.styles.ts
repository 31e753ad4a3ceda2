import { makeStyles, tokens } from '@fluentui/react-components';
import { ideaScreens } from '../Ideas/idea-screens.styles';

export const useIdeaCallsStyles = makeStyles({
  root: ideaScreens.root,
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '48rem',
  },
  dates: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
  },
  date: { width: 'min(14rem, 100%)' },
  list: ideaScreens.list,
  item: ideaScreens.item,
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  small: { color: tokens.colorNeutralForeground2 },
});
