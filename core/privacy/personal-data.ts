/** Whose data a holder exports or erases: the Entra object id and the pseudonym derived from it. */
export interface DataSubject {
  objectId: string;
  pseudonym: string;
}

/**
 * One place óiBO keeps data about a person. Every feature that stores such data declares a holder
 * at the composition root; "my data" and "delete my data" go through all of them, and a test fails
 * when a table is neither covered by a holder nor declared free of personal data.
 */
export interface PersonalDataHolder {
  /** The tables whose rows about a person this holder exports and erases. */
  readonly tables: readonly string[];
  /** The person's data, as sections of the export (each key once across all holders). */
  export(subject: DataSubject): Promise<Record<string, unknown>>;
  /** Erases the person's data, except what {@link leaves} names. Safe to repeat. */
  erase(subject: DataSubject): Promise<void>;
  /** What erasure keeps, and why (e.g. "former employee" on signed content); absent: nothing. */
  readonly leaves?: string;
}

/** A table that holds nothing about a person, and the one-line reason. */
export interface NoPersonalData {
  table: string;
  reason: string;
}
