import { tokens, type GriffelStyle } from '@fluentui/react-components';

/** Read by screen readers, not shown. */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** A wide table's focusable, horizontally scrolling region. */
export const tableScroller: GriffelStyle = {
  overflowX: 'auto',
  backgroundColor: tokens.colorNeutralBackground1,
  borderRadius: tokens.borderRadiusMedium,
  padding: tokens.spacingHorizontalM,
  ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
};
