import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia } from '../../../test/fixtures';
import { FacilitatorsNearMe } from './FacilitatorsNearMe';

const AREA = 'Area Educazione, Istruzione e Nuove Generazioni';
const people = [
  {
    objectId: 'f1',
    displayName: 'Elena Russo',
    department: AREA,
    unit: [AREA, 'Settore Scuole'],
    upn: 'elena.russo@comune-demo.example',
  },
  {
    objectId: 'f2',
    displayName: 'Franco Greco',
    department: AREA,
    unit: [AREA],
    upn: 'franco.greco@comune-demo.example',
  },
];

const renderPanel = (
  nearMe: Parameters<typeof fakeServer>[0]['nearMe'],
  openChat = jest.fn(() => Promise.resolve()),
) => {
  const fake = fakeServer({ me: giulia, nearMe });
  renderWithTeams(<FacilitatorsNearMe />, fakeTeams(fake.apiFetch, { openChat }));
  return { ...fake, openChat };
};

describe('the facilitators near me', () => {
  it("lists the department's facilitators, each with a Teams chat", async () => {
    const { openChat } = renderPanel({ scope: 'department', unit: AREA, facilitators: people });
    const panel = await screen.findByRole('region', { name: 'Facilitatori del tuo settore' });
    await within(panel).findByText(`Nel tuo settore, ${AREA}:`);
    expect(
      within(panel)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      `Elena Russo${AREA} > Settore ScuoleScrivi in chat`,
      `Franco Greco${AREA}Scrivi in chat`,
    ]);
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Scrivi in chat a Franco Greco' }),
    );
    expect(openChat).toHaveBeenCalledWith('franco.greco@comune-demo.example');
  });

  it("says when they are the area's, and offers no chat without a UPN", async () => {
    renderPanel({ scope: 'area', unit: AREA, facilitators: [{ ...people[0]!, upn: null }] });
    expect(
      await screen.findByText(
        `Nel tuo settore non ce ne sono ancora: ecco chi c'è nella tua area, ${AREA}.`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Elena Russo')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Scrivi in chat/ })).not.toBeInTheDocument();
  });

  it('says when there is nobody yet', async () => {
    renderPanel({ scope: 'area', unit: null, facilitators: [] });
    expect(
      await screen.findByText(
        'Nel tuo settore e nella tua area non ci sono ancora facilitatori o facilitatrici digitali.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Scrivi in chat/ })).not.toBeInTheDocument();
  });

  it('shows a failed chat and a failed read in words', async () => {
    renderPanel(
      { scope: 'department', unit: AREA, facilitators: people },
      jest.fn(() => Promise.reject(new Error('no chat'))),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scrivi in chat a Elena Russo' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Qualcosa non ha funzionato.');
  });

  it('offers to try again when the service fails', async () => {
    const apiFetch = () => Promise.resolve(new Response(null, { status: 503 }));
    renderWithTeams(<FacilitatorsNearMe />, fakeTeams(apiFetch));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Il servizio ha avuto un problema. Riprova tra poco.',
    );
    expect(screen.getByRole('button', { name: 'Riprova' })).toBeInTheDocument();
  });
});
