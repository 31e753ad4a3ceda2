import { makeStyles, tokens } from '@fluentui/react-components';
import { narrowableField } from '../shared.styles';

export const useDemoBannerStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorder2}`,
  },
  message: { flexGrow: 1, minWidth: 'min(16rem, 100%)' },
  field: narrowableField('18rem'),
});
