/**
 * Where a Teams deep link can take someone in the personal tab: the tab's entity id in the app
 * manifest (manifest/surfaces.ts) and the places inside it, which the link carries as its
 * `subEntityId` and the tab reads as teams-js `page.subPageId`. The manifest, the bot's cards and
 * the tab all read them here, so none of them can name a place the others do not know.
 */
export const PERSONAL_TAB_ENTITY_ID = 'home';

export const TAB_PAGES = ['my-data'] as const;
export type TabPage = (typeof TAB_PAGES)[number];

export function isTabPage(id: string | undefined): id is TabPage {
  return (TAB_PAGES as readonly (string | undefined)[]).includes(id);
}
