import type { Browser, Locator, Page } from 'playwright-core';
import { TableStore } from '../core/store/table-store';
import { createServices, type Services } from '../server/app';
import { openEmbeddedStore, type AzuriteHandle } from '../server/azurite';
import { loadConfig } from '../server/config';
import { startApp, stopApp, type RunningApp } from '../test/app-process';
import { launchChromium, WIDE } from './browser';

/** Selectors of the Agents Playground UI (its hashed class names are not stable). */
export const COMPOSE = '[contenteditable="true"][role="textbox"]';
export const CARD = '.fai-OutputCard .ac-adaptiveCard';

export interface BrowserApp {
  app: RunningApp;
  browser: Browser;
  page: Page;
}

/**
 * Starts the app as `npm start` does and a headless Chromium for the enclosing `describe`;
 * stops both afterwards and checks the app exits cleanly.
 */
export function appInBrowser(viewport = WIDE): BrowserApp {
  const context = {} as BrowserApp;
  beforeAll(async () => {
    [context.app, context.browser] = await Promise.all([startApp(), launchChromium()]);
    context.page = await context.browser.newPage({ viewport });
  }, 120_000);
  afterAll(async () => {
    await context.browser?.close();
    if (context.app) expect(await stopApp(context.app)).toBe(0);
  }, 30_000);
  return context;
}

export interface AppStore {
  store: TableStore;
  services: Services;
}

/**
 * The running app's own store (its embedded Azurite, joined as the admin CLI joins it) and the
 * app's services over it, for the enclosing `describe` after `appInBrowser`: to seed what a
 * screen shows and to read what it wrote.
 */
export function appStore(ctx: BrowserApp): AppStore {
  const handle = {} as AppStore;
  let azurite: AzuriteHandle | undefined;
  beforeAll(async () => {
    azurite = await openEmbeddedStore(ctx.app.dataDir);
    handle.store = new TableStore({
      kind: 'connectionString',
      connectionString: azurite.connectionString,
    });
    handle.services = createServices(handle.store, loadConfig({}));
  }, 120_000);
  afterAll(() => azurite?.stop());
  return handle;
}

/** The tab API as `user` (the demo identity header): GET, or POST with `body`. */
export async function demoApi<T>(
  ctx: BrowserApp,
  user: { objectId: string },
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${ctx.app.botUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      'x-oibo-demo-user': user.objectId,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Types `text` into the Playground's compose box and sends it. */
export async function say(page: Page, text: string): Promise<void> {
  await page.locator(COMPOSE).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The latest bot card containing `text`. */
export function card(page: Page, text: string | RegExp): Locator {
  return page.locator(CARD).filter({ hasText: text }).last();
}
