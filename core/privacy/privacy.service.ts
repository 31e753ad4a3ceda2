import type { DataSubject, PersonalDataHolder } from './personal-data';
import type { Pseudonyms } from './pseudonyms';

/**
 * Self-service data rights (GDPR art. 15 and 17): "my data" and "delete my data", over every
 * personal-data holder declared at the composition root.
 */
export class PrivacyService {
  constructor(
    private readonly deps: {
      pseudonyms: Pseudonyms;
      /** Erased in this order. */
      holders: readonly PersonalDataHolder[];
    },
  ) {}

  get holders(): readonly PersonalDataHolder[] {
    return this.deps.holders;
  }

  /** Everything óiBO stores about the person, as plain data: one section per holder's part. */
  async export(objectId: string): Promise<Record<string, unknown>> {
    const subject = this.subject(objectId);
    const parts = await Promise.all(this.deps.holders.map((holder) => holder.export(subject)));
    const exported: Record<string, unknown> = {
      exportedAt: new Date().toISOString(),
    };
    for (const part of parts) {
      for (const [section, data] of Object.entries(part)) {
        if (section in exported) throw new Error(`two holders export "${section}"`);
        exported[section] = data;
      }
    }
    return exported;
  }

  /**
   * Erases what every holder keeps about the person (their answers and results, and their weight
   * in every aggregate, the ledger, the chat reference, their messages, the identity link),
   * except what a holder declares it leaves.
   */
  async erase(objectId: string): Promise<void> {
    const subject = this.subject(objectId);
    for (const holder of this.deps.holders) await holder.erase(subject);
  }

  /** The pseudonym is computed, not read: data written before a lost link is still found. */
  private subject(objectId: string): DataSubject {
    return { objectId, pseudonym: this.deps.pseudonyms.pseudonymOf(objectId) };
  }
}
