import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import enUS from './en-US.json';
import itIT from './it-IT.json';

export type Locale = 'it-IT' | 'en-US';
export type MessageKey = keyof typeof itIT;
export type Messages = Record<MessageKey, string>;
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** Both catalogues typed by the Italian one: a key missing in English fails the type check. */
export const catalogs: Record<Locale, Messages> = { 'it-IT': itIT, 'en-US': enUS };

/** Italian first: English only for an English locale, Italian for every other one. */
export function resolveLocale(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en-US' : 'it-IT';
}

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, vars = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      name in vars ? String(vars[name]) : match,
    );
}

export function isMessageKey(key: string): key is MessageKey {
  return key in itIT;
}

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'it-IT', t: translator('it-IT') });
const DirectoryLocaleContext = createContext<(locale: Locale | null) => void>(() => undefined);

/**
 * One rule for the bot and the tab: the person's language in the directory, then the client's.
 * `fixed` is an explicit choice (`?lang=` in a demo) that the directory does not replace.
 */
export function I18nProvider({
  locale: clientLocale,
  fixed = false,
  children,
}: {
  locale: Locale;
  fixed?: boolean;
  children: ReactNode;
}) {
  const [directoryLocale, setDirectoryLocale] = useState<Locale | null>(null);
  const locale = fixed ? clientLocale : (directoryLocale ?? clientLocale);
  const value = useMemo(() => ({ locale, t: translator(locale) }), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale.slice(0, 2);
  }, [locale]);
  return (
    <DirectoryLocaleContext.Provider value={setDirectoryLocale}>
      <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
    </DirectoryLocaleContext.Provider>
  );
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** Speaks the person's directory language once it is known (null: the client's). */
export function useDirectoryLocale(locale: Locale | null | undefined): void {
  const setDirectoryLocale = useContext(DirectoryLocaleContext);
  useEffect(() => {
    if (locale === undefined) return;
    setDirectoryLocale(locale);
  }, [locale, setDirectoryLocale]);
}
