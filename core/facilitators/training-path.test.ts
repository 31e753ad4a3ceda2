import catalogueFile from '../../content/training/catalogue.v1.json';
import questionnaireFile from '../../content/questionnaires/digital-mindset.v1.json';
import { loadQuestionnaire } from '../assessment/questionnaire';
import { loadTrainingCatalogue } from './training-catalogue';
import {
  hoursIn,
  trainingPath,
  trainingProgress,
  wholeMonths,
  type TrainingRecord,
} from './training-path';

const catalogue = loadTrainingCatalogue(
  catalogueFile,
  loadQuestionnaire(questionnaireFile).dimensions.map((d) => d.id),
);
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const record = (moduleId: string, date: string, hours: number): TrainingRecord => ({
  objectId: 'oid',
  moduleId,
  date,
  hours,
  source: 'self',
  recordedAt: at(date),
});

describe('the training path', () => {
  const core = catalogue.modules.filter((m) => m.commonCore).map((m) => m.id);

  it('is the common core alone without a result', () => {
    const path = trainingPath({
      catalogue,
      growth: [],
      records: [],
      target: 40,
      since: at('2026-01-10'),
      now: at('2026-03-01'),
    });
    expect(path.modules.map((m) => m.module.id)).toEqual(core);
    expect(path.next?.id).toBe(core[0]);
  });

  it('adds the modules of the growth areas, weakest first, each module once', () => {
    const path = trainingPath({
      catalogue,
      growth: ['helping-colleagues', 'relationships'],
      records: [],
      target: 40,
      since: at('2026-01-10'),
      now: at('2026-03-01'),
    });
    const ids = path.modules.map((m) => m.module.id);
    expect(ids.slice(0, core.length)).toEqual(core);
    expect(ids.slice(core.length)).toEqual([
      'affiancamento-colleghi',
      'ascolto-attivo',
      'accessibilita-documenti',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      path.modules.every(
        (m) => m.reason === (core.includes(m.module.id) ? 'commonCore' : 'growth'),
      ),
    ).toBe(true);
  });

  it('marks done modules and points to the first one not done', () => {
    const path = trainingPath({
      catalogue,
      growth: ['change'],
      records: [record(core[0]!, '2026-02-01', 6), record(core[2]!, '2026-02-03', 8)],
      target: 40,
      since: at('2026-01-10'),
      now: at('2026-03-01'),
    });
    expect(path.modules[0]!.done).toEqual({ date: '2026-02-01', hours: 6 });
    expect(path.modules[1]!.done).toBeUndefined();
    expect(path.next?.id).toBe(core[1]);
    expect(path.hoursDone).toBe(14);
  });

  it('has no next module once every module is done', () => {
    const records = catalogue.modules.map((m) => record(m.id, '2026-02-01', 1));
    const path = trainingPath({
      catalogue,
      growth: ['data'],
      records,
      target: 40,
      since: at('2026-01-10'),
      now: at('2026-03-01'),
    });
    expect(path.next).toBeUndefined();
  });
});

describe('hours and schedule', () => {
  it('counts only the current year', () => {
    const records = [
      record('a', '2025-12-31', 4),
      record('b', '2026-01-01', 1.5),
      record('c', '2026-06-30', 2),
    ];
    expect(hoursIn(records, 2026)).toBe(3.5);
  });

  it('counts whole calendar months', () => {
    expect(wholeMonths(at('2026-03-15'), at('2026-04-14'))).toBe(0);
    expect(wholeMonths(at('2026-03-15'), at('2026-04-15'))).toBe(1);
    expect(wholeMonths(at('2026-01-01'), at('2026-12-31'))).toBe(11);
    expect(wholeMonths(at('2026-05-01'), at('2026-04-01'))).toBe(0);
  });

  it('expects target × months since becoming a facilitator ÷ 12', () => {
    const progress = trainingProgress({
      hoursDone: 9.9,
      target: 40,
      since: at('2026-03-15'),
      now: at('2026-06-15'),
    });
    expect(progress).toEqual({
      hoursDone: 9.9,
      target: 40,
      expectedByNow: 10,
      behindSchedule: true,
    });
    expect(
      trainingProgress({
        hoursDone: 10,
        target: 40,
        since: at('2026-03-15'),
        now: at('2026-06-15'),
      }).behindSchedule,
    ).toBe(false);
  });

  it('starts counting on 1 January for someone who has been a facilitator longer', () => {
    const progress = trainingProgress({
      hoursDone: 0,
      target: 40,
      since: at('2024-05-20'),
      now: at('2026-04-02'),
    });
    expect(progress.expectedByNow).toBe(10);
  });

  it('puts nobody behind on 1 January, nor in their first month', () => {
    expect(
      trainingProgress({
        hoursDone: 0,
        target: 40,
        since: at('2020-01-01'),
        now: new Date('2026-01-01T00:00:00Z'),
      }).behindSchedule,
    ).toBe(false);
    expect(
      trainingProgress({ hoursDone: 0, target: 40, since: at('2026-09-20'), now: at('2026-10-19') })
        .behindSchedule,
    ).toBe(false);
  });

  it('asks 11/12 of the target on 31 December', () => {
    const progress = trainingProgress({
      hoursDone: 36,
      target: 40,
      since: at('2025-01-01'),
      now: new Date('2026-12-31T23:59:00Z'),
    });
    expect(progress.expectedByNow).toBe(36.7);
    expect(progress.behindSchedule).toBe(true);
  });
});
