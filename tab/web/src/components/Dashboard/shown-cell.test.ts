import type { DashboardCampaign, HeatmapCell, Trend } from '../../api/types';
import { currentCampaign, heatmap } from '../../../test/fixtures';
import { translator } from '../../i18n/i18n';
import { heatmapTable } from './heatmap-table';
import { trendTable } from './trend-table';

const t = translator('it-IT');

/** A campaign whose bands were locked with other thresholds than today's questionnaire. */
const lowerBands: DashboardCampaign = {
  ...currentCampaign,
  id: 'digital-mindset-lower',
  bands: [
    { id: 'base', min: 0 },
    { id: 'intermediate', min: 40 },
    { id: 'advanced', min: 60 },
  ],
};

/** Each visible unit's first-dimension tone and its words, by row label. */
const tones = (campaign: DashboardCampaign) =>
  heatmapTable({ ...heatmap, campaign }, t, 'it-IT').rows.map((row) => [
    row.label,
    row.dimensions.map((cell) => `${cell.value} ${cell.tone} ${cell.note}`),
  ]);

describe('a mean’s band', () => {
  it('comes from the thresholds locked with the campaign on screen', () => {
    expect(Object.fromEntries(tones(currentCampaign))).toMatchObject({
      "Settore Servizi per l'Infanzia": ['78,4 advanced Avanzato', '61,0 intermediate Intermedio'],
      'Settore Scuole': ['49,6 base Base', '42,2 base Base'],
    });
    expect(Object.fromEntries(tones(lowerBands))).toMatchObject({
      "Settore Servizi per l'Infanzia": ['78,4 advanced Avanzato', '61,0 advanced Avanzato'],
      'Settore Scuole': ['49,6 intermediate Intermedio', '42,2 intermediate Intermedio'],
    });
  });

  it('comes from each round’s own thresholds in a trend', () => {
    const cell: HeatmapCell = {
      orgUnitPath: [],
      hidden: false,
      count: 20,
      mean: 62,
      bands: null,
      direct: false,
      opens: false,
    };
    const round = (campaign: DashboardCampaign) => ({
      campaign,
      publishedAt: null,
      participants: cell,
      dimensions: [cell],
    });
    const trend: Trend = {
      scope: [],
      root: [],
      dimensions: [heatmap.dimensions[0]!],
      rounds: [round(currentCampaign), round(lowerBands)],
    };

    const shown = trendTable(trend, t, 'it-IT').rounds.map((r) => r.dimensions[0]!.tone);

    expect(shown).toEqual(['intermediate', 'advanced']);
  });
});
