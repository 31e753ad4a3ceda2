import { assertValidKey, decodeKey, encodeKey, invertedTimestamp, InvalidKeyError } from './keys';

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
    ];
    for (const id of ids) {
      const key = encodeKey(id);
      expect(() => assertValidKey(key)).not.toThrow();
      expect(decodeKey(key)).toBe(id);
    }
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
