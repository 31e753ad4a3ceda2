import {
  CHANNEL_TAB_CONFIG_PATH,
  isTabPage,
  labTabPath,
  postOfSubPage,
  postSubPage,
  postTabPath,
  tabPlaceOf,
} from './tab-pages';

describe('tab pages', () => {
  it('knows the places a deep link may open, and nothing else', () => {
    expect(isTabPage('my-data')).toBe(true);
    expect(isTabPage('my-results')).toBe(false);
    expect(isTabPage(undefined)).toBe(false);
  });
});

describe('the channel tab', () => {
  it("opens a lab's board from its own path, and the configuration page from its path", () => {
    expect(tabPlaceOf(new URL(labTabPath('lab/1 è'), 'https://x').search)).toEqual({
      kind: 'lab',
      labId: 'lab/1 è',
    });
    expect(tabPlaceOf(new URL(CHANNEL_TAB_CONFIG_PATH, 'https://x').search)).toEqual({
      kind: 'lab-config',
    });
    expect(tabPlaceOf('?lab=')).toEqual({ kind: 'home' });
    expect(tabPlaceOf('')).toEqual({ kind: 'home' });
  });
});

describe('posts of the workspace', () => {
  it('open from the browser path and from the Teams sub-page', () => {
    expect(tabPlaceOf(new URL(postTabPath('0abc-12'), 'https://x').search)).toEqual({
      kind: 'post',
      postId: '0abc-12',
    });
    expect(postOfSubPage(postSubPage('0abc-12'))).toBe('0abc-12');
    expect(postOfSubPage('my-data')).toBeUndefined();
    expect(postOfSubPage('post:')).toBeUndefined();
  });
});
