import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals the answers a survey holds before writing them in a shuffled batch (AES-256-GCM, a key
 * per survey derived from the app's secret): the store shows how many wait, never what. Someone
 * reading the tables without the secret learns nothing of a held answer, even the very first.
 */
export class PoolCipher {
  /** Derived keys by survey and use: derived once, not on every seal. */
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly secret: string) {}

  /**
   * Where a Submit's answer waits in the pool: a keyed hash of its card's nonce (32 hex digits),
   * the same for a retry of that Submit, meaningless without the secret.
   */
  slotOf(surveyId: string, nonce: string): string {
    return createHmac('sha256', this.key(surveyId, 'oibo-survey-slot'))
      .update(nonce)
      .digest('hex')
      .slice(0, 32);
  }

  seal(surveyId: string, plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(surveyId), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(surveyId: string, sealed: string): string {
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv(
      'aes-256-gcm',
      this.key(surveyId),
      bytes.subarray(0, IV_BYTES),
    );
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  private key(surveyId: string, use = 'oibo-survey-pool'): Buffer {
    const name = `${use}|${surveyId}`;
    let key = this.keys.get(name);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.secret, use, surveyId, 32));
      this.keys.set(name, key);
    }
    return key;
  }
}
