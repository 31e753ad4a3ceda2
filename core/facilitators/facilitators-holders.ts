import type { PersonalDataHolder } from '../privacy/personal-data';
import { FACILITATORS_TABLE, type FacilitatorsRepository } from './facilitators.repository';
import {
  TRAINING_RECORDS_TABLE,
  type TrainingRecordsRepository,
} from './training-records.repository';

/**
 * The roster row: exported, and kept by erasure. Being a facilitator is a role the person holds
 * (like the role grant beside the directory), not data óiBO derived about them; "delete my data"
 * erases answers, results and training records, and the person stops being a facilitator by
 * withdrawing (`revoca consenso facilitatori`) or by an admin's revocation, which delete the row.
 */
export function facilitatorData(facilitators: FacilitatorsRepository): PersonalDataHolder {
  return {
    tables: [FACILITATORS_TABLE],
    export: async ({ objectId }) => ({ facilitator: (await facilitators.find(objectId)) ?? null }),
    erase: async () => {},
    leaves:
      'the roster row of a facilitator (department, round, since): it goes when they withdraw ' +
      'or an admin revokes the role',
  };
}

/** Completed training modules and the hours totals kept beside them. */
export function trainingData(records: TrainingRecordsRepository): PersonalDataHolder {
  return {
    tables: [TRAINING_RECORDS_TABLE],
    export: async ({ objectId }) => ({
      training: (await records.ofPerson(objectId)).map(({ objectId: _o, ...rest }) => rest),
    }),
    erase: ({ objectId }) => records.erase(objectId),
  };
}
