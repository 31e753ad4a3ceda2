import { createHash } from 'node:crypto';

/**
 * The hosts that embed tabs: Microsoft's "Tab requirements" (learn.microsoft.com/microsoftteams/
 * platform/tabs/how-to/tab-requirements) lists them for `frame-ancestors` — every Microsoft 365
 * host on cloud.microsoft, Teams, the Microsoft 365 app and Outlook. Nothing else may frame the tab.
 */
export const TAB_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/**
 * Hosted in Teams, teams-js (loaded only then) fetches the current list of valid host origins
 * from this CDN before it trusts the host's messages.
 */
const TEAMS_JS_ORIGINS_CDN = 'https://res.cdn.office.net';

/**
 * Griffel (Fluent's CSS-in-JS) creates empty `<style>` elements and fills them through the CSSOM;
 * this hash of the empty string admits exactly those, and no inline style with text.
 */
const EMPTY_STYLE_ELEMENT = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** JSON, the bot endpoint, health: nothing to load and nothing may frame it. */
const NON_TAB_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** One year, as browsers' preload lists require; App Service serves HTTPS only. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** `'sha256-…'` of each inline `<style>` of the built page (Vite keeps index.html's there). */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, css]) =>
      `'sha256-${createHash('sha256')
        .update(css ?? '')
        .digest('base64')}'`,
  );
}

/**
 * What the tab really loads: its own scripts and styles (the page's inline style by hash,
 * Griffel's empty style elements), the `data:` favicon, images it fetched itself (`blob:`), its
 * own API, and teams-js's origin list.
 */
export function tabPolicy(indexHtml: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", EMPTY_STYLE_ELEMENT, ...inlineStyleHashes(indexHtml)].join(' '),
    // blob: the contest's images, fetched with the caller's token, and an upload's preview.
    "img-src 'self' data: blob:",
    `connect-src 'self' ${TEAMS_JS_ORIGINS_CDN}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

export type HeadersFor = (path: string) => [name: string, value: string][];

/**
 * The headers of every response: the tab's policy under /tab, a closed one elsewhere; no
 * MIME sniffing, no referrer, and HSTS in production (browsers ignore it over plain HTTP anyway,
 * but a local run must not pin a developer's localhost to HTTPS).
 */
export function securityHeaders(options: { tabIndexHtml: string; hsts: boolean }): HeadersFor {
  const common: [string, string][] = [
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', 'no-referrer'],
    ...(options.hsts ? [['strict-transport-security', HSTS] as [string, string]] : []),
  ];
  const tab: [string, string][] = [
    ['content-security-policy', tabPolicy(options.tabIndexHtml)],
    ...common,
  ];
  const other: [string, string][] = [['content-security-policy', NON_TAB_POLICY], ...common];
  return (path) => (path === '/tab' || path.startsWith('/tab/') ? tab : other);
}
