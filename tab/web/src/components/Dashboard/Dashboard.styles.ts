import { makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '../shared.styles';

export const useDashboardStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  summary: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXXL },
  // The heat map's and the trend's columns side by side; the region scrolls past that.
  table: { minWidth: '48rem' },
  rowHeader: { fontWeight: tokens.fontWeightSemibold, minWidth: '11rem' },
  cell: {
    verticalAlign: 'middle',
    minWidth: '7.5rem',
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralBackground1}`,
  },
  value: {
    display: 'block',
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  note: { display: 'block', fontSize: tokens.fontSizeBase200 },
  change: {
    display: 'block',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  advanced: {
    backgroundColor: tokens.colorPaletteGreenBackground2,
    color: tokens.colorNeutralForeground1,
  },
  intermediate: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
  },
  base: {
    backgroundColor: tokens.colorPaletteRedBackground2,
    color: tokens.colorNeutralForeground1,
  },
  hidden: {
    backgroundColor: tokens.colorNeutralBackground4,
    color: tokens.colorNeutralForeground3,
    fontStyle: 'italic',
  },
  none: { color: tokens.colorNeutralForeground3 },
  plain: {},
  footnote: { color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  /** The organisation's and the opened unit's rows, set apart above the units. */
  reference: {
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  bands: { display: 'block', marginTop: tokens.spacingVerticalXS },
  bandBar: {
    display: 'flex',
    height: '6px',
    width: '100%',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusSmall,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  bandPart: { display: 'block', height: '100%' },
  basePart: { backgroundColor: tokens.colorPaletteRedForeground1 },
  intermediatePart: { backgroundColor: tokens.colorPaletteYellowForeground1 },
  advancedPart: { backgroundColor: tokens.colorPaletteGreenForeground1 },
  bandText: { display: 'block', fontSize: tokens.fontSizeBase100, whiteSpace: 'nowrap' },
  visuallyHidden,
});
