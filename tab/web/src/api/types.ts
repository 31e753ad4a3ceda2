export type * from '../../../api/contract';

/** Which campaign a screen shows (default: the current one) and which it is compared with. */
export interface HeatmapChoice {
  campaign?: string;
  compare?: string;
  /** A unit of the caller's scope to open (default: the whole scope). */
  unit?: readonly string[];
}

export type CampaignAction = 'pause' | 'resume' | 'cancel';
