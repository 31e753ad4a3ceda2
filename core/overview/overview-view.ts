import type { DashboardCampaign } from '../dashboard/dashboard-view';
import type { Locale } from '../directory/person';
import type { MeanComparison } from '../privacy/comparison';
import type { SurveyPhase } from '../surveys/phase';
import type { SurveyText } from '../surveys/survey';
import type { IdeaStats, LabStats } from './overview-facts';

/**
 * What the overview answers, ready to send (the tab API's contract declares the same shapes for
 * the web, and its route checks these against it with `satisfies`). A hidden cell carries no
 * number at all.
 */

export interface ParticipationCell {
  orgUnitPath: readonly string[];
  direct: boolean;
  hidden: boolean;
  invited: number | null;
  completed: number | null;
  rate: number | null;
}

export interface OverviewWeekView {
  week: string;
  startsOn: string;
  total: number | null;
  units: (number | null)[];
}

export interface OverviewSurveyView {
  id: string;
  title: SurveyText;
  state: SurveyPhase;
  closesAt: string | null;
  hidden: boolean;
  responses: number | null;
  audience: number | null;
  rate: number | null;
}

export interface DimensionScore {
  id: string;
  mean: number | null;
  rank: number | null;
  comparison: MeanComparison | null;
}

export interface DimensionUnit {
  orgUnitPath: readonly string[];
  direct: boolean;
  hidden: boolean;
  scores: DimensionScore[];
}

export interface FacilitatorCell {
  orgUnitPath: readonly string[];
  employees: number;
  facilitators: number;
  target: number;
  hidden: boolean;
  trainingHours: number | null;
  trainingTargetHours: number | null;
}

export interface LabThemeView extends LabStats {
  themeId: string;
  name: Record<Locale, string>;
}

export interface OverviewView {
  scope: readonly string[];
  refreshedAt: string | null;
  participation: {
    campaign: DashboardCampaign | null;
    publishedAt: string | null;
    total: ParticipationCell;
    units: ParticipationCell[];
    weeks: OverviewWeekView[];
    surveys: OverviewSurveyView[];
  };
  dimensions: {
    campaign: DashboardCampaign | null;
    compare: DashboardCampaign | null;
    names: { id: string; name: Record<Locale, string> }[];
    total: DimensionUnit;
    units: DimensionUnit[];
  };
  facilitators: { total: FacilitatorCell; units: FacilitatorCell[] };
  labs: { themes: LabThemeView[]; total: LabStats };
  ideas: IdeaStats & { implemented: number };
}
