import { COMMAND_SPECS } from '../server/registry';
import { RESOURCES } from '../core/i18n/translator';
import { CHANNEL_TAB_CONFIG_PATH, PERSONAL_TAB_ENTITY_ID } from '../core/tab-pages';

/**
 * The app's tabs and bot menu, with their Italian and English names side by side. The packager
 * writes them into the manifest (Italian, the default language) and into en-US.json under
 * Teams' index-based keys (`staticTabs[0].name`), so adding a tab or a command is one entry here
 * and the two languages cannot drift apart.
 */
export interface Localised {
  'it-IT': string;
  'en-US': string;
}

export interface StaticTabEntry {
  entityId: string;
  /** Path under TAB_BASE_URL. */
  path: string;
  name: Localised;
}

export interface BotCommandEntry {
  /** What the user types; must be matched by a spec in server/registry.ts in both languages. */
  title: Localised;
  description: Localised;
  /** Offered in the 1:1 chat's menu, in teams' and group chats' menus (Teams: ≤ 10 each). */
  personal: boolean;
  team: boolean;
}

export const STATIC_TABS: readonly StaticTabEntry[] = [
  { entityId: PERSONAL_TAB_ENTITY_ID, path: '/tab/', name: { 'it-IT': 'óiBO', 'en-US': 'óiBO' } },
];

/**
 * The one configurable tab Teams allows an app: a lab's board in its team's channel. Its
 * configuration page (path under TAB_BASE_URL) lets a lead pick the lab.
 */
export const CHANNEL_TAB = { configurationPath: CHANNEL_TAB_CONFIG_PATH } as const;

/** The bot menus are every text command, in help order, with the words help shows. */
export const BOT_COMMANDS: readonly BotCommandEntry[] = COMMAND_SPECS.map((spec) => ({
  title: { 'it-IT': RESOURCES['it-IT'][spec.usageKey], 'en-US': RESOURCES['en-US'][spec.usageKey] },
  description: {
    'it-IT': RESOURCES['it-IT'][spec.descriptionKey],
    'en-US': RESOURCES['en-US'][spec.descriptionKey],
  },
  personal: !spec.channelOnly,
  team: !spec.personalOnly,
}));
