import { makeStyles, tokens } from '@fluentui/react-components';

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
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});
