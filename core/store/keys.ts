/** Azure Tables rejects these in PartitionKey/RowKey; control characters break queries. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_KEY_CHARS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;
const MAX_KEY_LENGTH = 512;

export class InvalidKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Invalid table key (${reason})`);
    this.name = 'InvalidKeyError';
  }
}

/** Throws when `key` cannot be stored as a PartitionKey or RowKey. */
export function assertValidKey(key: string): string {
  if (key.length > MAX_KEY_LENGTH) throw new InvalidKeyError(key, `longer than ${MAX_KEY_LENGTH}`);
  if (FORBIDDEN_KEY_CHARS.test(key)) throw new InvalidKeyError(key, 'forbidden character');
  return key;
}

/** Characters {@link encodeKey} escapes, matched by code point so an emoji is escaped whole. */
// eslint-disable-next-line no-control-regex
const ESCAPED = /[%/\\#?\u0000-\u001f\u007f-\u{10ffff}]/gu;
/** Half of a surrogate pair without the other half: not Unicode, and not encodable in UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;

function escapeKey(id: string): string {
  return id.replace(ESCAPED, (ch) => encodeURIComponent(ch));
}

/**
 * Why `id` cannot be stored by {@link encodeKey} in a key of at most `maxLength` characters, or
 * undefined when it can: lets input be refused where it is read, with its line or field.
 */
export function keyProblem(id: string, maxLength = MAX_KEY_LENGTH): string | undefined {
  if (LONE_SURROGATE.test(id)) return 'not valid Unicode';
  const length = escapeKey(id).length;
  return length > maxLength
    ? `too long once encoded (${length} characters, at most ${maxLength})`
    : undefined;
}

/**
 * Encodes any external id (UPN, org-unit path, Teams conversation id) into a key-safe string.
 * Reversible, and keeps ordinary ids readable: only `%`, forbidden and non-ASCII characters change.
 */
export function encodeKey(id: string): string {
  if (LONE_SURROGATE.test(id)) throw new InvalidKeyError(id, 'not valid Unicode');
  return assertValidKey(escapeKey(id));
}

export function decodeKey(key: string): string {
  return decodeURIComponent(key);
}

const MAX_TIME = 9_999_999_999_999;

/** RowKey that sorts newest first: Azure Tables returns rows in ascending key order. */
export function invertedTimestamp(date: Date): string {
  return String(MAX_TIME - date.getTime()).padStart(13, '0');
}
