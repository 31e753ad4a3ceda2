import type { Theme } from '@fluentui/react-components';

/**
 * The card drawn by Microsoft's Adaptive Cards renderer (the one Teams' own web client is built
 * on), in the tab's theme; loaded only when a preview is shown. Texts stay plain text: no
 * Markdown processor is installed, so nothing a survey says becomes HTML.
 */
export async function renderCard(
  card: Record<string, unknown>,
  theme: Theme,
): Promise<HTMLElement> {
  const AC = await import('adaptivecards');
  const adaptiveCard = new AC.AdaptiveCard();
  const colors = (normal: string, subtle: string) => ({ default: normal, subtle });
  const foreground = {
    default: colors(theme.colorNeutralForeground1, theme.colorNeutralForeground3),
    accent: colors(theme.colorBrandForeground1, theme.colorBrandForeground2),
    good: colors(theme.colorPaletteGreenForeground1, theme.colorPaletteGreenForeground2),
    warning: colors(
      theme.colorPaletteDarkOrangeForeground1,
      theme.colorPaletteDarkOrangeForeground2,
    ),
    attention: colors(theme.colorPaletteRedForeground1, theme.colorPaletteRedForeground2),
  };
  adaptiveCard.hostConfig = new AC.HostConfig({
    fontFamily: theme.fontFamilyBase,
    supportsInteractivity: true,
    containerStyles: {
      default: { backgroundColor: theme.colorNeutralBackground1, foregroundColors: foreground },
      emphasis: { backgroundColor: theme.colorNeutralBackground3, foregroundColors: foreground },
    },
  });
  // A preview: its buttons do nothing.
  adaptiveCard.onExecuteAction = () => undefined;
  adaptiveCard.parse(card);
  return adaptiveCard.render() ?? document.createElement('div');
}
