import type { PersonalDataHolder } from '../privacy/personal-data';
import { CONTEST_ENTRIES_TABLE, CONTEST_VOTES_TABLE, CONTESTS_TABLE } from './contests.repository';
import type { ContestsService } from './contests.service';

/**
 * A person's contest entries (their work: title, description, image) and votes. Erasure deletes
 * the votes, and the entries with their images; the winner of a closed contest stays without
 * its author (the programme uses that logo under the contest's rules). The contests an admin
 * opened keep their id as creator (a privileged action), as selection rounds do.
 */
export function contestData(contests: ContestsService): PersonalDataHolder {
  return {
    tables: [CONTESTS_TABLE, CONTEST_ENTRIES_TABLE, CONTEST_VOTES_TABLE],
    export: async ({ objectId }) => {
      const id = objectId.toLowerCase();
      const { entries, votes } = await contests.dataOf(id);
      return {
        contestEntries: entries.map(
          ({ contestId, id: entryId, title, description, createdAt, hidden }) => ({
            contestId,
            entryId,
            title,
            description,
            createdAt,
            hidden: hidden ? { reason: hidden.reason, at: hidden.at } : null,
          }),
        ),
        contestVotes: votes.map(({ contestId, entryId, at }) => ({ contestId, entryId, at })),
        contestsOpened: (await contests.list())
          .filter((contest) => contest.createdBy === id)
          .map(({ id: contestId, createdAt }) => ({ contestId, createdAt })),
      };
    },
    erase: ({ objectId }) => contests.erase(objectId.toLowerCase()),
    leaves:
      'the winning entry of a closed contest (its image, title and description, without its ' +
      'author: the programme uses that logo under the contest rules); the contests the person ' +
      'opened as an admin keep their id as creator',
  };
}
