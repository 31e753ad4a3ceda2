import { personalTabDeepLink, type TabPage } from '../../core/tab-pages';
import type { CardElement } from './card';

/** Teams' deep link that opens (or starts) the person's 1:1 chat with the bot `28:…`. */
export function personalChatUrl(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)}`;
}

/**
 * Teams' deep link that opens the app's personal tab at `page`, inside Teams. `teamsAppId` is the
 * id Teams knows the app by: the manifest's id for an uploaded custom app.
 */
export function tabPageUrl(teamsAppId: string, page: TabPage): string {
  return personalTabDeepLink(teamsAppId, page);
}

export function openUrlAction(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}
