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

/**
 * A field in a wrapping row: as wide as `width` where there is room, never wider than the
 * screen (a native select is otherwise as wide as its longest option).
 */
export const narrowableField = (width: string): GriffelStyle => ({
  minWidth: `min(${width}, 100%)`,
  maxWidth: '100%',
  gridTemplateColumns: 'minmax(0, 1fr)',
  '& .fui-Select, & .fui-Select__select': { minWidth: 0, maxWidth: '100%' },
});

/** A list without bullets, its items stacked. */
export const plainList: GriffelStyle = {
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalM,
};

/** One item of a list in a thin box: an update, a note. */
export const itemBox: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXS,
  padding: tokens.spacingHorizontalM,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  overflowWrap: 'anywhere',
};

/** A card that stands out from the page: a lab, a post. */
export const card: GriffelStyle = {
  ...itemBox,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  backgroundColor: tokens.colorNeutralBackground1,
};

/** A picker's box with the chosen, as tags, below it. */
export const pickerColumn: GriffelStyle = {
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalS,
  maxWidth: '30rem',
  minWidth: 0,
};
