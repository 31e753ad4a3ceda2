import type { GriffelStyle } from '@fluentui/react-components';

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
