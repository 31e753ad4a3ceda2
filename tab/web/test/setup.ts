import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Role queries over Fluent's DOM are slow in jsdom; on a loaded CI machine 1 s is not enough.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);

// jsdom has no layout: Fluent's MessageBar measures itself with a ResizeObserver.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver;

// jsdom has no innerText (it depends on layout); the Adaptive Cards renderer writes texts with it.
if (!('innerText' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    get(this: HTMLElement) {
      return this.textContent;
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}
