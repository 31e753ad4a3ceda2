import { makeStyles, tokens } from '@fluentui/react-components';

export const useSurveyCardPreviewStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  // As wide as a chat message; the renderer's own inputs follow the theme.
  card: {
    maxWidth: '32rem',
    minWidth: 0,
    overflowX: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    '& .ac-input, & .ac-textInput, & select, & input, & textarea': {
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
      maxWidth: '100%',
    },
    '& .ac-pushButton': {
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorNeutralForeground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    },
  },
});
