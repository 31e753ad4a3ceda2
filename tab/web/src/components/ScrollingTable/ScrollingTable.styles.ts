import { makeStyles, tokens } from '@fluentui/react-components';

export const useScrollingTableStyles = makeStyles({
  /** The focusable region that scrolls sideways when the table is wider than the screen. */
  region: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // Columns as wide as their content needs (Fluent's fixed layout shares the width equally,
  // clipping short columns and running long names into the next cell on a phone).
  table: { tableLayout: 'auto' },
});
