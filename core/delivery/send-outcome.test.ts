import { backoffMs, classifyResponse, parseRetryAfter } from './send-outcome';

describe('classifyResponse', () => {
  it.each([
    [201, undefined, { kind: 'sent' }],
    [200, undefined, { kind: 'sent' }],
    [412, undefined, { kind: 'retry', error: '412' }],
    [500, 'InternalServerError', { kind: 'retry', error: '500 InternalServerError' }],
    [502, undefined, { kind: 'retry', error: '502' }],
    [503, undefined, { kind: 'retry', error: '503' }],
    [504, undefined, { kind: 'retry', error: '504' }],
    [403, 'MessageWritesBlocked', { kind: 'blocked', error: '403 MessageWritesBlocked' }],
    [404, 'ConversationNotFound', { kind: 'blocked', error: '404 ConversationNotFound' }],
    [403, 'Forbidden', { kind: 'failed', error: '403 Forbidden' }],
    [400, 'BadSyntax', { kind: 'failed', error: '400 BadSyntax' }],
    [401, undefined, { kind: 'failed', error: '401' }],
    [413, 'MessageSizeTooBig', { kind: 'failed', error: '413 MessageSizeTooBig' }],
  ])('%i %s → %j', (status, code, expected) => {
    expect(classifyResponse(status, code, null)).toEqual(expected);
  });

  it('reads Retry-After of a 429 in seconds or as a date', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(classifyResponse(429, undefined, '2', now)).toEqual({
      kind: 'throttled',
      retryAfterMs: 2_000,
    });
    expect(classifyResponse(429, undefined, 'Thu, 26 Nov 2026 10:00:03 GMT', now)).toEqual({
      kind: 'throttled',
      retryAfterMs: 3_000,
    });
    expect(classifyResponse(429, undefined, null, now)).toEqual({ kind: 'throttled' });
  });
});

describe('parseRetryAfter', () => {
  it('ignores nonsense and caps long waits at five minutes', () => {
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter('-3', 0)).toBeUndefined();
    expect(parseRetryAfter('86400', 0)).toBe(300_000);
  });
});

describe('backoffMs', () => {
  const options = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles per attempt within [c/2, c] and stops growing at the cap', () => {
    expect(backoffMs(1, options, () => 0)).toBe(500);
    expect(backoffMs(1, options, () => 1)).toBe(1_000);
    expect(backoffMs(3, options, () => 0)).toBe(2_000);
    expect(backoffMs(3, options, () => 1)).toBe(4_000);
    expect(backoffMs(20, options, () => 1)).toBe(60_000);
  });
});
