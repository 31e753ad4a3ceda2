import type { Locale } from '../i18n/i18n';

export type Role = 'employee' | 'facilitator' | 'manager' | 'admin';
export type BandId = 'base' | 'intermediate' | 'advanced';

/** GET /api/v1/me */
export interface Me {
  objectId: string;
  displayName: string | null;
  department: string | null;
  orgUnitPath: string[] | null;
  roles: Role[];
  locale: Locale | null;
}

/** GET /api/v1/me/results */
export interface MyResults {
  questionnaire: { id: string; version: number; title: string };
  submittedAt: string;
  dimensions: {
    id: string;
    name: string;
    score: number;
    band: BandId | null;
    bandLabel: string | null;
  }[];
  strengths: string[];
  growth: { dimension: string; suggestion: string }[];
}

/** One unit of the heat map; a hidden cell carries no number at all. */
export interface HeatmapCell {
  orgUnitPath: string[];
  hidden: boolean;
  count: number | null;
  mean: number | null;
  bands: Record<BandId, number> | null;
  /** The unit's own members, beside its sub-units (when the API says so). */
  direct?: boolean;
}

/** GET /api/v1/dashboard/heatmap */
export interface Heatmap {
  k: number;
  scope: string[];
  participants: { total: number | null; units: HeatmapCell[] };
  dimensions: { id: string; name: Record<Locale, string>; units: HeatmapCell[] }[];
}

/** RFC 9457 problem details, as the tab API sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
}
