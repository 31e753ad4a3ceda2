import type { CardElement } from './card';

/** Teams' deep link that opens (or starts) the person's 1:1 chat with the bot `28:…`. */
export function personalChatUrl(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(botId)}`;
}

export function openUrlAction(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}
