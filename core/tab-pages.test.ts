import { isTabPage } from './tab-pages';

describe('tab pages', () => {
  it('knows the places a deep link may open, and nothing else', () => {
    expect(isTabPage('my-data')).toBe(true);
    expect(isTabPage('my-results')).toBe(false);
    expect(isTabPage(undefined)).toBe(false);
  });
});
