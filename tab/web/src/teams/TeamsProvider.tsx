import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { isTabPage, postOfSubPage, tabPlaceOf, type TabPage } from '../../../../core/tab-pages';
import type { ApiFetch } from '../api/client';
import { resolveLocale, type Locale } from '../i18n/i18n';
import { demoPersonas } from './demo-personas';
import {
  chatLink,
  TeamsContext,
  type TabConfig,
  type TeamsSeam,
  type ThemeName,
} from './teams-context';

/** Inside Teams the host answers in milliseconds; a plain browser page gets no answer at all. */
const INIT_TIMEOUT_MS = 2000;
const DEMO_HEADER = 'x-oibo-demo-user';
const DEMO_STORAGE_KEY = 'oibo.demoUser';

function themeOf(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

/**
 * teams-js can only talk to a parent frame, an opener or the mobile bridge; a top-level browser
 * page has none, so the library is not even loaded there (loading it fetches a list from a CDN).
 */
function mayBeHosted(): boolean {
  return window.parent !== window || window.opener != null || 'nativeInterface' in window;
}

type TeamsJs = typeof import('@microsoft/teams-js');

async function connectTeams(): Promise<TeamsJs | null> {
  if (!mayBeHosted()) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('teams-js timeout')), INIT_TIMEOUT_MS);
  });
  try {
    const teams = await import('@microsoft/teams-js');
    await Promise.race([teams.app.initialize(), timeout]);
    return teams;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** `extra` replaces the request's own headers; `defaults` only fill in what it lacks. */
function withHeaders(
  init: RequestInit | undefined,
  extra: Record<string, string>,
  defaults: Record<string, string> = {},
): RequestInit {
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  for (const [name, value] of Object.entries(defaults))
    if (!headers.has(name)) headers.set(name, value);
  return { ...init, headers };
}

function teamsFetch({ authentication }: TeamsJs, locale: Locale): ApiFetch {
  return async (path, init) => {
    let token: string;
    try {
      token = await authentication.getAuthToken();
    } catch {
      return new Response(null, { status: 401 });
    }
    return fetch(
      path,
      withHeaders(init, { authorization: `Bearer ${token}` }, { 'accept-language': locale }),
    );
  };
}

/** The chat inside Teams where the host supports it, else Teams' own link (a new window outside). */
function teamsChat({ app, chat }: TeamsJs): TeamsSeam['openChat'] {
  return (upn) => (chat.isSupported() ? chat.openChat({ user: upn }) : app.openLink(chatLink(upn)));
}

type TeamsContextValue = Awaited<ReturnType<TeamsJs['app']['getContext']>>;

/** teams-js `pages.config` on a channel tab's configuration page (frame context `settings`). */
function teamsTabConfig(
  { pages, FrameContexts }: TeamsJs,
  context: TeamsContextValue | null,
): TabConfig | undefined {
  if (context?.page.frameContext !== FrameContexts.settings) return undefined;
  const teamId = context.team?.internalId;
  const channelId = context.channel?.id;
  return {
    channel: teamId && channelId ? { teamId, channelId } : null,
    setValid: (valid) => pages.config.setValidityState(valid),
    onSave: (save) =>
      pages.config.registerOnSaveHandler((event) => {
        save()
          .then((setting) => pages.config.setConfig(setting))
          .then(
            () => event.notifySuccess(),
            (error: unknown) => event.notifyFailure(String(error)),
          );
      }),
  };
}

function browserChat(upn: string): Promise<void> {
  window.open(chatLink(upn), '_blank', 'noopener');
  return Promise.resolve();
}

function initialDemoUser(params: URLSearchParams): string {
  const wanted = params.get('user') ?? window.localStorage.getItem(DEMO_STORAGE_KEY);
  const known = demoPersonas.find((p) => p.objectId === wanted?.toLowerCase());
  return (known ?? demoPersonas[0])?.objectId ?? '';
}

type Host =
  | { kind: 'pending' }
  | {
      kind: 'teams';
      teams: TeamsJs;
      locale: Locale;
      openedAt: TabPage | undefined;
      /** A post a Teams deep link opened the tab at (its `subEntityId` `post:<id>`). */
      openedPost: string | undefined;
      tabConfig: TabConfig | undefined;
    }
  | { kind: 'browser'; locale: Locale; localeFixed: boolean; theme: ThemeName };

/** Initialises teams-js once and provides the {@link TeamsSeam} to the app. */
export function TeamsProvider({ children }: { children: ReactNode }) {
  const [host, setHost] = useState<Host>({ kind: 'pending' });
  const [teamsTheme, setTeamsTheme] = useState<ThemeName>('light');
  const [demoUser, setDemoUser] = useState('');
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const teams = await connectTeams();
      if (teams) {
        const { app } = teams;
        const context = await app.getContext().catch(() => null);
        setTeamsTheme(themeOf(context?.app.theme));
        app.registerOnThemeChangeHandler((theme) => setTeamsTheme(themeOf(theme)));
        void app.notifySuccess().catch(() => undefined);
        const page = context?.page.subPageId;
        setHost({
          kind: 'teams',
          teams,
          locale: resolveLocale(context?.app.locale),
          openedAt: isTabPage(page) ? page : undefined,
          openedPost: postOfSubPage(page),
          tabConfig: teamsTabConfig(teams, context),
        });
        return;
      }
      const params = new URLSearchParams(window.location.search);
      const theme = params.get('theme');
      const lang = params.get('lang');
      setDemoUser(initialDemoUser(params));
      setHost({
        kind: 'browser',
        locale: resolveLocale(lang ?? navigator.language),
        localeFixed: lang !== null,
        theme: theme === 'dark' || theme === 'contrast' ? theme : 'light',
      });
    })();
  }, []);

  // Kept apart from the theme so that a theme change does not reload the data.
  const apiFetch = useMemo((): ApiFetch | null => {
    if (host.kind === 'pending') return null;
    if (host.kind === 'teams') return teamsFetch(host.teams, host.locale);
    return (path, init) =>
      fetch(
        path,
        withHeaders(init, { [DEMO_HEADER]: demoUser }, { 'accept-language': host.locale }),
      );
  }, [host, demoUser]);

  const seam = useMemo((): TeamsSeam | null => {
    if (host.kind === 'pending' || !apiFetch) return null;
    const place = tabPlaceOf(window.location.search);
    if (host.kind === 'teams') {
      return {
        host: 'teams',
        theme: teamsTheme,
        locale: host.locale,
        apiFetch,
        demo: null,
        userKey: 'teams',
        openChat: teamsChat(host.teams),
        ...(host.openedAt ? { openedAt: host.openedAt } : {}),
        place: host.openedPost ? { kind: 'post', postId: host.openedPost } : place,
        ...(host.tabConfig ? { tabConfig: host.tabConfig } : {}),
      };
    }
    return {
      host: 'browser',
      theme: host.theme,
      locale: host.locale,
      localeFixed: host.localeFixed,
      apiFetch,
      demo: {
        personas: demoPersonas,
        objectId: demoUser,
        select: (objectId) => {
          window.localStorage.setItem(DEMO_STORAGE_KEY, objectId);
          setDemoUser(objectId);
        },
      },
      userKey: demoUser,
      openChat: browserChat,
      place,
    };
  }, [host, teamsTheme, demoUser, apiFetch]);

  if (!seam) return null;
  return <TeamsContext.Provider value={seam}>{children}</TeamsContext.Provider>;
}
