import { makeStyles, tokens } from '@fluentui/react-components';
import { visuallyHidden } from '../shared.styles';

export const useScoreChartStyles = makeStyles({
  figure: { margin: 0, maxWidth: '44rem' },
  svg: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
  label: {
    fill: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: '15px',
  },
  value: {
    fill: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: '15px',
    fontWeight: tokens.fontWeightSemibold,
  },
  band: { fontWeight: tokens.fontWeightRegular },
  track: { fill: tokens.colorNeutralBackground5 },
  bar: { fill: tokens.colorBrandBackground },
  threshold: {
    stroke: tokens.colorNeutralStroke1,
    strokeWidth: 1,
    strokeDasharray: '4 3',
  },
  visuallyHidden,
});
