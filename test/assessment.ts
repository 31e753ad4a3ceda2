import type { LikertValue } from '../core/assessment/scoring';
import type { Services } from '../server/app';

/**
 * A complete assessment for `person` through the real services: every item `value`, every choice
 * yes unless `choices` says otherwise, then submit.
 */
export async function submitAssessment(
  services: Services,
  person: { objectId?: string; orgUnitPath: string[] },
  value: LikertValue,
  choices: Readonly<Record<string, boolean>> = {},
): Promise<void> {
  const { assessment, questionnaire } = services;
  const ref = { campaignId: assessment.campaignId, version: questionnaire.version };
  await assessment.resume({ objectId: person.objectId!, orgUnitPath: person.orgUnitPath });
  for (const item of questionnaire.items) {
    await assessment.answer(
      person.objectId!,
      ref,
      item.id,
      item.type === 'likert' ? value : (choices[item.id] ?? true),
    );
  }
  await assessment.submit(person.objectId!, ref);
}
