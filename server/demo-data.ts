import type { Logger } from 'pino';
import { demoCampaigns } from '../core/assessment/demo-campaigns';
import { generateDemoDirectory } from '../core/directory/demo-directory';
import { demoCandidates } from '../core/facilitators/demo-candidates';
import type { Services } from './app';

/**
 * Fills an empty directory with the synthetic demo organisation, adds two earlier assessment
 * campaigns of synthetic aggregates so that the dashboard can compare them, and consenting
 * facilitator candidates so that a selection round has a shortlist (local use only).
 */
export async function seedDemoData(services: Services, logger: Logger): Promise<void> {
  if (!(await services.directory.isEmpty())) return;
  const people = generateDemoDirectory();
  const summary = await services.directory.importPeople(people);
  logger.info(summary, 'demo directory created');
  const current = services.assessment.describeCampaign();
  for (const { campaign, rows } of demoCampaigns(current, services.questionnaire, people)) {
    await services.assessmentCampaigns.lock(campaign);
    await services.aggregates.replaceCampaign(campaign.id, rows);
    logger.info({ campaignId: campaign.id, rows: rows.length }, 'demo campaign created');
  }
  const candidates = demoCandidates(people);
  await services.candidates.upsertMany(candidates);
  logger.info({ candidates: candidates.length }, 'demo facilitator candidates created');
}
