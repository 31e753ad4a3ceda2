import { createContext, useContext } from 'react';
import type { TabPage, TabPlace } from '../../../../core/tab-pages';
import type { ApiFetch } from '../api/client';
import type { Locale } from '../i18n/i18n';

export type ThemeName = 'light' | 'dark' | 'contrast';

export interface DemoPersona {
  objectId: string;
  displayName: string;
  roles: string[];
  manager: boolean;
}

/** Outside Teams: who the tab pretends to be (sent as the demo identity header). */
export interface DemoIdentity {
  personas: readonly DemoPersona[];
  objectId: string;
  select(objectId: string): void;
}

/**
 * Everything the tab takes from its host: the one seam tests replace. Inside Teams it comes from
 * teams-js; in a plain browser from a demo identity and the query string.
 */
export interface TeamsSeam {
  host: 'teams' | 'browser';
  theme: ThemeName;
  /** The client's language; the person's directory language replaces it once known. */
  locale: Locale;
  /** An explicit choice (`?lang=` outside Teams): kept even when the directory says otherwise. */
  localeFixed?: boolean;
  /** fetch for the tab API, authenticated as the current user. */
  apiFetch: ApiFetch;
  /** Present only outside Teams. */
  demo: DemoIdentity | null;
  /** Changes when the user changes (demo switcher): the app remounts and reloads everything. */
  userKey: string;
  /** Opens a Teams 1:1 chat with the person of this UPN (in Teams, else through its link). */
  openChat: (upn: string) => Promise<void>;
  /** The place a Teams deep link opened the tab at (its `subEntityId`, teams-js `page.subPageId`). */
  openedAt?: TabPage;
  /** Where the tab's own URL opens it: a lab's board (a channel tab, a link), its configuration. */
  place?: TabPlace;
  /** Only on a channel tab's configuration page inside Teams: teams-js `pages.config`. */
  tabConfig?: TabConfig;
}

/** What a channel tab opens once saved (teams-js `pages.config.setConfig`'s instance config). */
export interface ChannelTabSetting {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/** The channel tab's configuration page as Teams hosts it. */
export interface TabConfig {
  /** The team and channel the tab is added to, as the bot knows them (null: Teams did not say). */
  channel: { teamId: string; channelId: string } | null;
  /** Enables (or disables) Teams' Save button. */
  setValid(valid: boolean): void;
  /** On Save, Teams stores what `save` answers; a rejection keeps the dialog open. */
  onSave(save: () => Promise<ChannelTabSetting>): void;
}

/** Teams' link to a 1:1 chat, for where teams-js cannot open one itself. */
export function chatLink(upn: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn)}`;
}

export const TeamsContext = createContext<TeamsSeam | null>(null);

export function useTeams(): TeamsSeam {
  const seam = useContext(TeamsContext);
  if (!seam) throw new Error('useTeams outside a TeamsProvider');
  return seam;
}
