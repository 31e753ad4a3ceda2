import catalogueFile from '../../content/training/catalogue.v1.json';
import questionnaireFile from '../../content/questionnaires/digital-mindset.v1.json';
import { loadQuestionnaire } from '../assessment/questionnaire';
import { loadTrainingCatalogue, TRAINING_AREAS } from './training-catalogue';

const dimensions = loadQuestionnaire(questionnaireFile).dimensions.map((d) => d.id);
const copy = (): { id: string; version: number; modules: Record<string, unknown>[] } =>
  structuredClone(catalogueFile);

describe('the training catalogue', () => {
  it('ships at least 15 modules covering every area, with a common core', () => {
    const catalogue = loadTrainingCatalogue(catalogueFile, dimensions);
    expect(catalogue.modules.length).toBeGreaterThanOrEqual(15);
    expect(new Set(catalogue.modules.map((m) => m.area))).toEqual(new Set(TRAINING_AREAS));
    expect(catalogue.modules.some((m) => m.commonCore)).toBe(true);
  });

  it('strengthens every dimension of the questionnaire with some module', () => {
    const catalogue = loadTrainingCatalogue(catalogueFile, dimensions);
    for (const dimension of dimensions) {
      expect(catalogue.modules.some((m) => m.strengthens.includes(dimension))).toBe(true);
    }
  });

  it('refuses an unknown dimension id, naming the module', () => {
    const file = copy();
    file.modules[9]!.strengthens = ['digital-skills', 'telepathy'];
    expect(() => loadTrainingCatalogue(file, dimensions)).toThrow(
      'training catalogue facilitator-training v1: module spid-cie: strengthens: unknown dimension "telepathy"',
    );
  });

  it('names the module and field of a missing translation and of a module used twice', () => {
    const file = copy();
    delete (file.modules[0]!.title as Record<string, string>)['en-US'];
    const error = (() => {
      try {
        loadTrainingCatalogue(file, dimensions);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(error).toContain('module facilitazione-fondamenti: title.en-US: required');
    const twice = copy();
    twice.modules[2]!.id = twice.modules[1]!.id;
    expect(() => loadTrainingCatalogue(twice, dimensions)).toThrow(
      'module affiancamento-colleghi: id: used twice',
    );
  });

  it('refuses hours outside 0.5–40 in half hours, a link that is not https and an unknown area', () => {
    const file = copy();
    file.modules[0]!.hours = 0.25;
    file.modules[1]!.link = 'http://formazione.example/x';
    file.modules[3]!.area = 'astrology';
    file.modules[4]!.hours = 41;
    const message = (() => {
      try {
        loadTrainingCatalogue(file, dimensions);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/module facilitazione-fondamenti: hours: in half hours/);
    expect(message).toMatch(/module affiancamento-colleghi: link/);
    expect(message).toMatch(/module comunicare-innovazione: area/);
    expect(message).toMatch(/module analisi-processi: hours/);
  });

  it('needs a common core', () => {
    const file = copy();
    for (const module of file.modules) module.commonCore = false;
    expect(() => loadTrainingCatalogue(file, dimensions)).toThrow(
      'modules: needs at least one common-core module',
    );
  });
});
