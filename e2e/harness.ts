import type { Browser, Locator, Page } from 'playwright-core';
import { startApp, stopApp, type RunningApp } from '../test/app-process';
import { launchChromium } from './browser';

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
export function appInBrowser(viewport = { width: 1280, height: 900 }): BrowserApp {
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
