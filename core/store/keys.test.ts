import {
  assertValidKey,
  decodeKey,
  encodeKey,
  invertedTimestamp,
  InvalidKeyError,
  keyProblem,
} from './keys';

describe('table keys', () => {
  it.each(['a/b', 'a\\b', 'a#b', 'a?b', 'a\u0001b', 'a\u007fb'])('rejects %j', (key) => {
    expect(() => assertValidKey(key)).toThrow(InvalidKeyError);
  });

  it('rejects keys longer than 512 characters', () => {
    expect(() => assertValidKey('k'.repeat(513))).toThrow(InvalidKeyError);
    expect(assertValidKey('k'.repeat(512))).toHaveLength(512);
  });

  it('encodes any id into a valid key and back', () => {
    const ids = [
      'Area Welfare > Settore/Sociale',
      '19:abc@thread.tacv2;messageid=1',
      'ü#?\\%',
      'Città',
      'Area Welfare > Sportello 😀',
      '👩🏽‍💻 Ufficio Innovazione',
    ];
    for (const id of ids) {
      const key = encodeKey(id);
      expect(() => assertValidKey(key)).not.toThrow();
      expect(decodeKey(key)).toBe(id);
    }
  });

  it('refuses text that is not Unicode (a lone surrogate) with a typed error', () => {
    expect(() => encodeKey('Area \ud83d')).toThrow(InvalidKeyError);
    expect(keyProblem('Area \ud83d')).toBe('not valid Unicode');
  });

  it('says why an id does not fit in a key, counting its encoded length', () => {
    expect(keyProblem('Città')).toBeUndefined();
    expect(keyProblem('😀'.repeat(40), 300)).toBe(
      'too long once encoded (480 characters, at most 300)',
    );
    expect(keyProblem('k'.repeat(513))).toBe('too long once encoded (513 characters, at most 512)');
  });

  it('leaves ordinary ids readable', () => {
    expect(encodeKey('oid:7b0c2e5a-6f1d-4c3b')).toBe('oid:7b0c2e5a-6f1d-4c3b');
  });

  it('sorts newer timestamps first', () => {
    const older = invertedTimestamp(new Date('2026-01-01'));
    const newer = invertedTimestamp(new Date('2026-06-01'));
    expect([older, newer].sort()).toEqual([newer, older]);
  });
});
