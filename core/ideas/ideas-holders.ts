import type { PersonalDataHolder } from '../privacy/personal-data';
import { IDEA_THREADS_TABLE, IDEA_VOTES_TABLE, IDEAS_TABLE } from './ideas.repository';
import type { IdeasService } from './ideas.service';

/** Call4Ideas: signed ideas, amendments, comments and history; votes (private to the voter). */
export function ideasData(ideas: IdeasService): PersonalDataHolder {
  return {
    tables: [IDEAS_TABLE, IDEA_VOTES_TABLE, IDEA_THREADS_TABLE],
    export: ({ objectId }) => ideas.export(objectId),
    erase: ({ objectId }) => ideas.erase(objectId),
    leaves:
      "the ideas, amendments and comments the person signed: they are part of colleagues' work, " +
      'so they stay, signed "former employee" (name and object id removed); votes are deleted',
  };
}
