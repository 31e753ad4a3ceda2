import { makeStyles, tokens } from '@fluentui/react-components';

export const useMarkdownStyles = makeStyles({
  root: {
    minWidth: 0,
    overflowWrap: 'anywhere',
    lineHeight: tokens.lineHeightBase400,
    '& img': { maxWidth: '100%', height: 'auto' },
    '& pre': {
      overflowX: 'auto',
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground3,
    },
    '& code': { fontFamily: tokens.fontFamilyMonospace },
    '& blockquote': {
      margin: 0,
      paddingLeft: tokens.spacingHorizontalM,
      borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    },
    '& th, & td': {
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: 'start',
      // Whole words: a table too wide for the screen scrolls in its region instead.
      overflowWrap: 'break-word',
    },
    '& table': { borderCollapse: 'collapse' },
  },
  // A wide table scrolls inside its own region, never the page.
  tableRegion: { maxWidth: '100%', overflowX: 'auto' },
  missingImage: { color: tokens.colorNeutralForeground3 },
});
