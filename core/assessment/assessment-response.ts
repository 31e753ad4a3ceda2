import { z } from 'zod';
import type { AssessmentResult, LikertValue } from './scoring';

export type ResponseStatus = 'inProgress' | 'submitted';

/** One person's assessment in one campaign: answers while in progress, the result once submitted. */
export interface AssessmentResponse {
  pseudonym: string;
  campaignId: string;
  questionnaireId: string;
  version: number;
  /** The org unit the person answered for, from the directory or chosen on a card. */
  orgUnitPath: string[] | undefined;
  answers: Record<string, LikertValue>;
  choices: Record<string, boolean>;
  status: ResponseStatus;
  startedAt: Date;
  updatedAt: Date;
  submittedAt?: Date;
  result?: AssessmentResult;
  /**
   * False on submissions an earlier version stored without counting them (written no more):
   * `aggregates rebuild` queues them to be counted and clears it.
   */
  aggregated?: boolean;
}

export const AnswersSchema = z.record(
  z.string(),
  z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
);
export const ChoicesSchema = z.record(z.string(), z.boolean());
