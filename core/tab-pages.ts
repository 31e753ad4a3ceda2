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

/**
 * Teams' deep link that opens the app's personal tab at a place (`subEntityId`), inside Teams.
 * `teamsAppId` is the id Teams knows the app by: the manifest's id for an uploaded custom app.
 */
export function personalTabDeepLink(teamsAppId: string, subEntityId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${teamsAppId}/${PERSONAL_TAB_ENTITY_ID}?context=${context}`;
}

/** A post of the facilitators' workspace: `post:<id>` as a Teams `subEntityId`. */
const POST_SUB_PAGE = 'post:';

export function postSubPage(postId: string): string {
  return `${POST_SUB_PAGE}${postId}`;
}

/** The post a Teams `subPageId` opens, if it names one. */
export function postOfSubPage(subPageId: string | undefined): string | undefined {
  return subPageId?.startsWith(POST_SUB_PAGE) && subPageId.length > POST_SUB_PAGE.length
    ? subPageId.slice(POST_SUB_PAGE.length)
    : undefined;
}

/** A post in a browser, outside Teams (the tab reads `?post=`). */
export function postTabPath(postId: string): string {
  return `/tab/?post=${encodeURIComponent(postId)}`;
}

/**
 * The channel tab (the manifest's one configurable tab): Teams opens its configuration page at
 * `CHANNEL_TAB_CONFIG_PATH`, where a lead picks a lab; the saved tab then opens `labTabPath(id)`,
 * the lab's board. Outside Teams the same paths work in a browser.
 */
export const CHANNEL_TAB_CONFIG_PATH = '/tab/?view=lab-config';

export function labTabPath(labId: string): string {
  return `/tab/?lab=${encodeURIComponent(labId)}`;
}

/** Where the tab's own URL opens it: a lab's board, the channel tab's configuration, a post, or home. */
export type TabPlace =
  | { kind: 'lab'; labId: string }
  | { kind: 'lab-config' }
  | { kind: 'post'; postId: string }
  | { kind: 'home' };

export function tabPlaceOf(search: string): TabPlace {
  const query = new URLSearchParams(search);
  if (query.get('view') === 'lab-config') return { kind: 'lab-config' };
  const labId = query.get('lab');
  if (labId) return { kind: 'lab', labId };
  const postId = query.get('post');
  return postId ? { kind: 'post', postId } : { kind: 'home' };
}
