/** Azure Tables rejects these in PartitionKey/RowKey; control characters break queries. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_KEY_CHARS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;
export const MAX_KEY_LENGTH = 512;

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

/**
 * Encodes any external id (UPN, org-unit path, Teams conversation id) into a key-safe string.
 * Reversible, and keeps ordinary ids readable: only `%`, forbidden and non-ASCII characters change.
 */
export function encodeKey(id: string): string {
  const encoded = id.replace(
    // eslint-disable-next-line no-control-regex
    /[%/\\#?\u0000-\u001f\u007f-\uffff]/g,
    (ch) => encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
  );
  return assertValidKey(encoded);
}

export function decodeKey(key: string): string {
  return decodeURIComponent(key);
}

const MAX_TIME = 9_999_999_999_999;

/** RowKey that sorts newest first: Azure Tables returns rows in ascending key order. */
export function invertedTimestamp(date: Date): string {
  return String(MAX_TIME - date.getTime()).padStart(13, '0');
}
