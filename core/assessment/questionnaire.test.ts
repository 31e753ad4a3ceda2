import shipped from '../../content/questionnaires/digital-mindset.v1.json';
import { LOCALES } from '../directory/person';
import {
  CONSENT_KINDS,
  DIGITAL_SKILLS_DIMENSION,
  loadQuestionnaire,
  MAX_ITEM_TEXT_LENGTH,
  scoredItems,
} from './questionnaire';

type Entry = Record<string, unknown>;
interface Copy extends Entry {
  items: Entry[];
  dimensions: Entry[];
  bands: Entry[];
}

const PREFIX = 'questionnaire digital-mindset v1: ';

function copy(): Copy {
  return structuredClone(shipped);
}

function item(q: Copy, id: string): Entry {
  const found = q.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item ${id} in the fixture`);
  return found;
}

function texts(entry: Entry, field: string): Entry {
  return entry[field] as Entry;
}

function failure(q: unknown): string {
  try {
    loadQuestionnaire(q);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the questionnaire to be rejected');
}

describe('the shipped Digital Mindset questionnaire', () => {
  const q = loadQuestionnaire(shipped);
  const scored = scoredItems(q);

  it('loads', () => {
    expect(q.id).toBe('digital-mindset');
    expect(q.version).toBe(1);
    expect(q.dimensions).toHaveLength(6);
    expect(q.estimatedMinutes).toBeGreaterThanOrEqual(8);
    expect(q.estimatedMinutes).toBeLessThanOrEqual(12);
  });

  it('has 30 to 36 scored items, some reversed in every dimension', () => {
    expect(scored.length).toBeGreaterThanOrEqual(30);
    expect(scored.length).toBeLessThanOrEqual(36);
    for (const d of q.dimensions) {
      expect(scored.filter((i) => i.dimension === d.id && i.reverse).length).toBeGreaterThan(0);
    }
  });

  it('maps every digital-skills item to DigComp and covers all five Syllabus areas', () => {
    const skills = scored.filter((i) => i.dimension === DIGITAL_SKILLS_DIMENSION);
    expect(skills.every((i) => i.digComp !== undefined)).toBe(true);
    expect(new Set(skills.map((i) => i.syllabusArea))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('ends with the two facilitator choices', () => {
    const lastTwo = q.items.slice(-2).map((i) => (i.type === 'choice' ? i.kind : i.type));
    expect(lastTwo).toEqual([...CONSENT_KINDS]);
  });

  it('keeps every item text short in both languages', () => {
    for (const i of q.items) {
      for (const locale of LOCALES) {
        expect(i.text[locale].length).toBeLessThanOrEqual(MAX_ITEM_TEXT_LENGTH);
      }
    }
  });
});

describe('loadQuestionnaire rejects a broken copy', () => {
  it('when a language is missing, naming the item and field', () => {
    const q = copy();
    delete texts(item(q, 'ds-07'), 'text')['en-US'];
    expect(failure(q)).toBe(`${PREFIX}item ds-07: text.en-US: required`);
  });

  it('when a text is blank or too long', () => {
    const q = copy();
    texts(item(q, 'ar-02'), 'text')['it-IT'] = '   ';
    texts(item(q, 'pc-03'), 'text')['en-US'] = 'x'.repeat(MAX_ITEM_TEXT_LENGTH + 1);
    const message = failure(q);
    expect(message).toContain('item ar-02: text.it-IT: required');
    expect(message).toContain(`item pc-03: text.en-US: at most ${MAX_ITEM_TEXT_LENGTH} characters`);
  });

  it('when an object has a field the schema does not know', () => {
    const q = copy();
    item(q, 'ip-02').weight = 2;
    expect(failure(q)).toBe(`${PREFIX}item ip-02: unknown field weight`);
  });

  it('when a dimension lacks a translation', () => {
    const q = copy();
    delete texts(q.dimensions[2]!, 'description')['it-IT'];
    expect(failure(q)).toBe(`${PREFIX}dimension relationships: description.it-IT: required`);
  });

  it('when an item type is unknown', () => {
    const q = copy();
    item(q, 'cr-02').type = 'slider';
    expect(failure(q)).toBe(`${PREFIX}item cr-02: type: must be "likert" or "choice"`);
  });

  it('when two items share an id', () => {
    const q = copy();
    item(q, 'hc-02').id = 'hc-01';
    expect(failure(q)).toContain('item hc-01: id: used twice');
  });

  it('when there are fewer than 30 scored items', () => {
    const q = copy();
    q.items = q.items.filter(
      (i) => !['ds-09', 'ds-10', 'ip-05', 'ar-05', 'pc-05', 'cr-05'].includes(String(i.id)),
    );
    expect(failure(q)).toBe(`${PREFIX}items: needs 30 to 36 scored items, found 29`);
  });

  it('when there are more than 36 scored items', () => {
    const q = copy();
    const extra = [1, 2].map((n) => ({ ...item(q, 'ds-01'), id: `ds-9${n}` }));
    q.items.splice(0, 0, ...extra);
    expect(failure(q)).toBe(`${PREFIX}items: needs 30 to 36 scored items, found 37`);
  });

  it('when an item points to a dimension that does not exist', () => {
    const q = copy();
    item(q, 'ip-04').dimension = 'creativity';
    expect(failure(q)).toContain('item ip-04: dimension: unknown dimension "creativity"');
  });

  it('when a dimension has too few items', () => {
    const q = copy();
    q.items = q.items.filter((i) => !['hc-03', 'hc-04', 'hc-05'].includes(String(i.id)));
    q.items.splice(0, 0, ...['ds-91', 'ds-92', 'ds-93'].map((id) => ({ ...item(q, 'ds-01'), id })));
    expect(failure(q)).toBe(
      `${PREFIX}dimension helping-colleagues: needs at least 3 scored items, found 2`,
    );
  });

  it('when the digital-skills dimension is missing', () => {
    const q = copy();
    q.dimensions[0]!.id = 'skills';
    expect(failure(q)).toContain('dimensions: needs a "digital-skills" dimension');
  });

  it('when a digital-skills item has no DigComp code or Syllabus area', () => {
    const q = copy();
    delete item(q, 'ds-03').digComp;
    delete item(q, 'ds-05').syllabusArea;
    const message = failure(q);
    expect(message).toContain('item ds-03: digComp: required');
    expect(message).toContain('item ds-05: syllabusArea: required');
  });

  it('when a DigComp code is malformed or not a listed competence', () => {
    const q = copy();
    item(q, 'ds-01').digComp = '1.10';
    item(q, 'ds-02').digComp = '2';
    q.digComp = (q.digComp as Entry[]).filter((c) => c.code !== '4.1');
    const message = failure(q);
    expect(message).toContain('item ds-01: digComp: must be a DigComp 2.2 competence code');
    expect(message).toContain('item ds-02: digComp: must be a DigComp 2.2 competence code');
    expect(message).toContain('item ds-05: digComp: "4.1" is not in the digComp list');
  });

  it('when a Syllabus area is outside 1 to 5', () => {
    const q = copy();
    item(q, 'ds-06').syllabusArea = 6;
    expect(failure(q)).toBe(`${PREFIX}item ds-06: syllabusArea: must be 1 to 5`);
  });

  it('when an item outside digital skills carries a competence', () => {
    const q = copy();
    item(q, 'cr-01').digComp = '2.4';
    expect(failure(q)).toBe(
      `${PREFIX}item cr-01: digComp: only digital-skills items map to competences`,
    );
  });

  it('when band thresholds do not ascend from 0 within 100', () => {
    const q = copy();
    q.bands[0]!.min = 10;
    q.bands[2]!.min = 50;
    expect(failure(q)).toBe(`${PREFIX}bands.0.min: must be 0; bands.2.min: must be above 50`);
    q.bands[0]!.min = 0;
    q.bands[2]!.min = 101;
    expect(failure(q)).toBe(`${PREFIX}bands.2.min: must be 0 to 100`);
  });

  it('when a facilitator choice is missing', () => {
    const q = copy();
    q.items = q.items.filter((i) => i.id !== 'fc-interest');
    expect(failure(q)).toBe(`${PREFIX}items: needs a choice item of kind "facilitatorInterest"`);
  });

  it('when a facilitator choice appears twice', () => {
    const q = copy();
    item(q, 'fc-interest').kind = 'facilitatorInvitationConsent';
    const message = failure(q);
    expect(message).toContain(
      'item fc-interest: kind: "facilitatorInvitationConsent" appears twice',
    );
    expect(message).toContain('items: needs a choice item of kind "facilitatorInterest"');
  });

  it('when a facilitator choice comes before a scored item', () => {
    const q = copy();
    const consent = item(q, 'fc-consent');
    q.items = [consent, ...q.items.filter((i) => i !== consent)];
    expect(failure(q)).toBe(`${PREFIX}item fc-consent: type: choices come after every scored item`);
  });

  it('when the file is not an object at all', () => {
    expect(failure(null)).toMatch(/^questionnaire \? v\?: /);
  });
});
