import en from '../../content/i18n/en-US.json';
import it from '../../content/i18n/it-IT.json';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../directory/person';

export type MessageKey = keyof typeof it;
export type Messages = Record<MessageKey, string>;
export type Params = Record<string, string | number>;

export const RESOURCES: Record<Locale, Messages> = { 'it-IT': it, 'en-US': en };

export type Translate = (key: MessageKey, params?: Params) => string;

/** Picks the closest supported locale for a Teams locale tag ("it", "en-GB", "it-it", …). */
export function resolveLocale(tag: string | undefined): Locale {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return (
    LOCALES.find((locale) => locale.toLowerCase().startsWith(`${language}-`)) ?? DEFAULT_LOCALE
  );
}

export function translator(locale: Locale): Translate {
  const messages = RESOURCES[locale];
  return (key, params) =>
    messages[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      params && name in params ? String(params[name]) : match,
    );
}
