import type { Page } from 'playwright-core';

/**
 * Lets the test's page play Teams for the tab: the tab at `tabRoute` may be framed by it (the
 * server allows only Teams' hosts), Teams' SSO token stands for `user` (the local server has no
 * Entra settings, so the demo header replaces it), and `${base}/teams-host.html` serves
 * `hostPage`, the page that frames the tab and answers teams-js. Then opens that page.
 */
export async function openInTeamsHost(
  page: Page,
  {
    base,
    tabRoute,
    user,
    hostPage,
  }: { base: string; tabRoute: string; user: string; hostPage: string },
): Promise<void> {
  await page.route(tabRoute, async (route) => {
    const response = await route.fetch();
    const headers = response.headers();
    headers['content-security-policy'] = headers['content-security-policy']!.replace(
      /frame-ancestors [^;]+/,
      "frame-ancestors 'self'",
    );
    await route.fulfill({ response, headers });
  });
  await page.route(`${base}/api/v1/**`, (route) => {
    const headers = Object.fromEntries(
      Object.entries(route.request().headers()).filter(([name]) => name !== 'authorization'),
    );
    headers['x-oibo-demo-user'] = user;
    return route.continue({ headers });
  });
  await page.route(`${base}/teams-host.html`, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPage }),
  );
  await page.goto(`${base}/teams-host.html`);
}
