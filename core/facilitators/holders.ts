import type { PersonalDataHolder } from '../privacy/personal-data';
import type { RetentionRule } from '../retention/retention';
import { FACILITATOR_CANDIDATES_TABLE, type CandidatesRepository } from './candidates.repository';
import {
  FACILITATOR_ROUNDS_TABLE,
  FACILITATOR_SHORTLIST_TABLE,
  type RoundsRepository,
} from './rounds.repository';

/** The two scores and the consent a submission left, or when the consent was withdrawn. */
export function candidatesData(candidates: CandidatesRepository): PersonalDataHolder {
  return {
    tables: [FACILITATOR_CANDIDATES_TABLE],
    export: async ({ objectId }) => {
      const row = await candidates.row(objectId);
      if (!row) return { facilitatorCandidate: null };
      if (row.kind === 'withdrawn') return { facilitatorCandidate: { consentWithdrawnAt: row.at } };
      const { department, digitalSkills, motivation, interested, submittedAt } = row.candidate;
      return {
        facilitatorCandidate: { department, digitalSkills, motivation, interested, submittedAt },
      };
    },
    erase: ({ objectId }) => candidates.erase(objectId),
  };
}

/** A person's place on each round's shortlist; the rounds an admin created name them as creator. */
export function roundsData(rounds: RoundsRepository): PersonalDataHolder {
  return {
    tables: [FACILITATOR_ROUNDS_TABLE, FACILITATOR_SHORTLIST_TABLE],
    export: async ({ objectId }) => {
      const id = objectId.toLowerCase();
      return {
        facilitatorShortlists: (await rounds.entriesOf(id)).map(
          ({ objectId: _id, displayName: _name, ...entry }) => entry,
        ),
        facilitatorRoundsCreated: (await rounds.list())
          .filter((round) => round.createdBy.toLowerCase() === id)
          .map(({ id: roundId, createdAt }) => ({ id: roundId, createdAt })),
      };
    },
    erase: ({ objectId }) => rounds.eraseOf(objectId.toLowerCase()),
    leaves:
      'the selection rounds the person created as an admin keep their id as creator (a ' +
      'privileged action); the rounds they were shortlisted in lose their entry',
  };
}

/** A candidate lives as long as the result it came from; so does a shortlist entry's copy. */
export function candidatesRule(candidates: CandidatesRepository): RetentionRule {
  return {
    kind: 'resultsDays',
    table: FACILITATOR_CANDIDATES_TABLE,
    async *expired(cutoff) {
      for await (const row of candidates.decidedBefore(cutoff)) {
        const { value } = row;
        const [id, since] =
          value.kind === 'candidate'
            ? [value.candidate.objectId, value.candidate.submittedAt]
            : [value.objectId, value.at];
        yield {
          row: { kind: 'resultsDays', table: FACILITATOR_CANDIDATES_TABLE, id, since },
          purge: () => candidates.delete(row),
        };
      }
    },
  };
}

export function shortlistRule(rounds: RoundsRepository): RetentionRule {
  return {
    kind: 'resultsDays',
    table: FACILITATOR_SHORTLIST_TABLE,
    async *expired(cutoff) {
      for await (const row of rounds.entriesChangedBefore(cutoff)) {
        yield {
          row: {
            kind: 'resultsDays',
            table: FACILITATOR_SHORTLIST_TABLE,
            id: `${row.value.roundId}|${row.value.objectId}`,
            since: row.value.changedAt,
          },
          purge: () => rounds.deleteEntry(row),
        };
      }
    },
  };
}
