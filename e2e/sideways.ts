import type { Locator, Page } from 'playwright-core';
import { NARROW, screenshot, WIDE } from './browser';

/** One moment at which the page was wider than the window, and what reached past its edge. */
export interface SidewaysMoment {
  scrollWidth: number;
  width: number;
  /** Where the overflow leaves its container: an element wider than the screen whose parent is not. */
  escapes: string[];
  /** The innermost elements past the edge (the content that does not fit). */
  content: string[];
}

/**
 * Checks the page as every frame is laid out (in `requestAnimationFrame`, which runs before the
 * resize observers Fluent measures components with), so a sideways scroll that lasts a single
 * frame — after the window narrows, or when a component first appears — is seen every time.
 * Elements inside a region that scrolls or clips on its own are not counted: they do not move
 * the page.
 */
const RECORDER = `(() => {
  const moments = [];
  window.__sidewaysMoments = moments;
  const clips = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  const name = (el) => {
    const fluent = [...el.classList].filter((c) => c.startsWith('fui-')).join('.');
    const text = (el.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 80);
    const right = Math.round(el.getBoundingClientRect().right);
    return el.tagName.toLowerCase() + (fluent ? '.' + fluent : '') + ' (right ' + right + ') "' + text + '"';
  };
  const check = () => {
    const root = document.documentElement;
    if (!document.body || root.scrollWidth <= root.clientWidth || moments.length >= 200) return;
    // A viewport narrower than any device (1 px, seen once in CI between two frames of a test that
    // resized and took screenshots) is the browser's own transient, not a layout anyone sees.
    if (root.clientWidth < 100) return;
    const width = root.clientWidth;
    const past = new Set();
    const walk = (el) => {
      if (el.getBoundingClientRect().right > width + 0.5) past.add(el);
      if (el !== document.body && clips(el)) return;
      for (const child of el.children) walk(child);
    };
    walk(document.body);
    const all = [...past];
    moments.push({
      scrollWidth: root.scrollWidth,
      width,
      escapes: all.filter((el) => !past.has(el.parentElement)).map(name),
      content: all.filter((el) => ![...el.children].some((c) => past.has(c))).map(name),
    });
  };
  const frame = () => { check(); requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
})()`;

/** From the next navigation on, records every moment at which `page` scrolls sideways. */
export async function recordSidewaysScroll(page: Page): Promise<void> {
  await page.addInitScript(RECORDER);
}

/**
 * The moments recorded since the last call, once two more frames have been laid out (so that
 * what has just happened, a resize or a new component, has been checked).
 */
export async function sidewaysMoments(page: Page): Promise<SidewaysMoment[]> {
  return page.evaluate<SidewaysMoment[]>(
    `new Promise((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          resolve(window.__sidewaysMoments.splice(0, window.__sidewaysMoments.length)),
        ),
      ),
    )`,
  );
}

/**
 * At a phone's width (waiting for `ready` first, when given) nothing has scrolled sideways
 * since the last check; saves a screenshot `<name>-420` and goes back to the desktop width.
 */
export async function expectNoSidewaysScroll(
  page: Page,
  name: string,
  ready?: Locator,
): Promise<void> {
  await page.setViewportSize(NARROW);
  await ready?.waitFor();
  const sideways = await sidewaysMoments(page);
  await screenshot(page, `${name}-420`);
  expect(sideways).toEqual([]);
  await page.setViewportSize(WIDE);
}
