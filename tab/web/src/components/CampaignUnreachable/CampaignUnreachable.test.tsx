import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'csv-parse/sync';
import { captureDownloads } from '../../../test/downloads';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { campaignStatus, sara } from '../../../test/fixtures';
import { CampaignDetail } from '../CampaignDetail/CampaignDetail';

const status = campaignStatus();
const unreachable = [
  {
    id: 'oid:6f1d2c3b-0000-4000-8000-000000000001',
    name: 'Anna Bianchi',
    upn: 'anna.bianchi@comune.example',
    department: 'Area Welfare; Servizi',
  },
  { id: 'upn:left@comune.example', name: null, upn: null, department: null },
];

describe('unreachable people', () => {
  it('lets an admin download them with name, UPN and area for IT, as Italian Excel reads it', async () => {
    const user = userEvent.setup();
    const downloads = captureDownloads();
    renderWithTeams(
      <CampaignDetail campaign={status} onChange={() => undefined} />,
      fakeTeams(fakeServer({ me: sara, campaigns: [status], unreachable }).apiFetch),
    );

    await user.click(
      await screen.findByRole('button', {
        name: "Scarica l'elenco delle persone non raggiungibili (25)",
      }),
    );

    await waitFor(async () => expect(await downloads.files()).toHaveLength(1));
    const [file] = await downloads.files();
    expect(file!.name).toBe(`non-raggiungibili-${status.id}.csv`);
    expect(parse(file!.text, { bom: true, delimiter: ';' })).toEqual([
      ['Nome', 'UPN (e-mail)', 'Area', 'Identificativo'],
      [
        'Anna Bianchi',
        'anna.bianchi@comune.example',
        'Area Welfare; Servizi',
        'oid:6f1d2c3b-0000-4000-8000-000000000001',
      ],
      ['', '', '', 'upn:left@comune.example'],
    ]);
  });
});
