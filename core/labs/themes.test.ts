import themesFile from '../../content/labs/themes.v1.json';
import { loadLabThemes } from './themes';

describe('lab themes', () => {
  it('ships the five programme themes, in Italian and English', () => {
    const themes = loadLabThemes(themesFile);
    expect(themes.map((t) => t.id)).toEqual([
      'shared-tasks',
      'sports-facilities',
      'training-innovation',
      'online-payments',
      'find-colleagues',
    ]);
    expect(themes.every((t) => t.seeded && t.title['en-US'] && t.description['it-IT'])).toBe(true);
  });

  it('refuses a bad file naming every theme and field at fault', () => {
    const bad = {
      id: 'lab-themes',
      version: 1,
      themes: [
        {
          id: 'a',
          title: { 'it-IT': 'Tema A', 'en-US': '' },
          description: { 'it-IT': 'x', 'en-US': 'x' },
        },
        {
          id: 'a',
          title: { 'it-IT': 'Tema B', 'en-US': 'Theme B' },
          description: { 'it-IT': 'x' },
        },
      ],
    };
    expect(() => loadLabThemes(bad)).toThrow(
      'lab themes v1: theme a: title.en-US: at least 3 characters; theme a: description.en-US: required',
    );
  });

  it('refuses a theme id used twice', () => {
    const theme = {
      id: 'a',
      title: { 'it-IT': 'Tema', 'en-US': 'Theme' },
      description: { 'it-IT': 'x', 'en-US': 'x' },
    };
    expect(() => loadLabThemes({ id: 'lab-themes', version: 2, themes: [theme, theme] })).toThrow(
      'lab themes v2: theme a: id: used twice',
    );
  });
});
