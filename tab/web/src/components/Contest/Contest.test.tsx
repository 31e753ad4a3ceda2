import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { contestEntry, contestSummary, withContests } from '../../../test/fake-contests';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia } from '../../../test/fixtures';
import { Contest } from './Contest';

beforeAll(() => {
  // jsdom has no object URLs: the tab makes them for its fetched images and the upload's preview.
  URL.createObjectURL = jest.fn(() => 'blob:image');
  URL.revokeObjectURL = jest.fn();
});

const png = () =>
  new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', { type: 'image/png' });

function renderContest(state: Parameters<typeof withContests>[0], admin = false) {
  const { apiFetch: others } = fakeServer({ me: giulia });
  const fake = withContests(state, others);
  renderWithTeams(<Contest admin={admin} />, fakeTeams(fake.apiFetch));
  return fake.contests;
}

describe('Concorso logo', () => {
  it('sends an entry with its preview, and explains a wrong file before sending anything', async () => {
    const user = userEvent.setup({ applyAccept: false });
    const contests = renderContest({ contests: [contestSummary()] });

    const form = await screen.findByRole('form', { name: 'Invia una proposta' });
    const file = within(form).getByLabelText(/Immagine/);
    await user.upload(
      file,
      new File(['<svg><script>alert(1)</script></svg>'], 'logo.svg', { type: 'image/svg+xml' }),
    );
    expect(
      await within(form).findByText(/altri formati, come SVG, non sono accettati/),
    ).toBeVisible();
    expect(screen.queryByRole('img', { name: /Anteprima/ })).not.toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Invia la proposta' }));
    expect(within(form).getByText('Scrivi un titolo.')).toBeVisible();
    expect(contests.sent).toEqual([]);

    await user.upload(file, png());
    await user.type(within(form).getByRole('textbox', { name: /Titolo/ }), 'Onde');
    expect(screen.getByRole('img', { name: 'Anteprima della proposta: Onde' })).toHaveAttribute(
      'src',
      'blob:image',
    );
    await user.type(within(form).getByRole('textbox', { name: /Breve descrizione/ }), 'Il mare');
    await user.click(within(form).getByRole('button', { name: 'Invia la proposta' }));

    await screen.findByText(/Proposta inviata/);
    expect(contests.sent).toMatchObject([{ title: 'Onde', description: 'Il mare' }]);
    const gallery = await screen.findByRole('region', { name: 'Le tue proposte' });
    expect(await within(gallery).findByRole('img', { name: 'Onde' })).toBeVisible();
    expect(within(gallery).getByText('La tua proposta')).toBeVisible();
    // Still said once the page has reloaded the contest and its gallery.
    expect(screen.getByText(/Proposta inviata/)).toBeVisible();
    expect(screen.getByRole('form', { name: 'Invia una proposta' })).toBeVisible();
  });

  it("shows the server's reason when it refuses the image", async () => {
    const user = userEvent.setup();
    renderContest({
      contests: [contestSummary()],
      refuseEntry: {
        status: 415,
        title: "Il file non è un'immagine PNG o JPEG.",
      },
    });
    const form = await screen.findByRole('form', { name: 'Invia una proposta' });
    await user.upload(within(form).getByLabelText(/Immagine/), png());
    await user.type(within(form).getByRole('textbox', { name: /Titolo/ }), 'Finto');
    await user.click(within(form).getByRole('button', { name: 'Invia la proposta' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Il file non è un'immagine PNG o JPEG.",
    );
  });

  it('lets a person vote from the keyboard, and change the vote, never for their own entry', async () => {
    const user = userEvent.setup();
    const contests = renderContest({
      contests: [contestSummary({ phase: 'voting' })],
      entries: [
        contestEntry('e1', 'Onde'),
        contestEntry('e2', 'Torri'),
        contestEntry('e3', 'Mia', true),
      ],
    });
    const gallery = await screen.findByRole('region', { name: 'Le proposte' });
    expect(await within(gallery).findAllByRole('img')).toHaveLength(3);
    expect(within(gallery).getByRole('img', { name: 'Torri' })).toBeVisible();
    expect(within(gallery).queryByRole('button', { name: /Mia/ })).not.toBeInTheDocument();

    const onde = within(gallery).getByRole('button', { name: 'Vota «Onde»' });
    onde.focus();
    await user.keyboard('{Enter}');
    expect(
      await within(gallery).findByRole('button', { name: 'Hai votato «Onde»' }),
    ).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText(/Puoi cambiare il voto/)).toBeVisible();

    await user.click(within(gallery).getByRole('button', { name: 'Vota «Torri»' }));
    await waitFor(() => expect(contests.votes).toEqual(['e1', 'e2']));
    expect(
      await within(gallery).findByRole('button', { name: 'Hai votato «Torri»' }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('shows the results with votes, authors and the winner once the contest is closed', async () => {
    renderContest({
      contests: [contestSummary({ phase: 'closed' })],
      results: {
        contestId: 'c1',
        winnerEntryId: 'e2',
        entries: [
          { ...contestEntry('e2', 'Torri'), votes: 12, author: 'Sara Conti' },
          { ...contestEntry('e1', 'Onde'), votes: 7, author: null },
        ],
      },
    });
    const results = await screen.findByRole('region', { name: 'Risultati' });
    const items = within(results).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Torri');
    expect(items[0]).toHaveTextContent('Proposta vincitrice');
    expect(items[0]).toHaveTextContent('Voti: 12');
    expect(items[0]).toHaveTextContent('Di Sara Conti');
    expect(items[1]).toHaveTextContent('Autrice o autore non indicato');
    expect(screen.queryByRole('button', { name: /Vota/ })).not.toBeInTheDocument();
  });

  it('says so when there is no contest, and lets an admin open one', async () => {
    renderContest({ contests: [] }, true);
    expect(await screen.findByText(/non c'è un concorso/)).toBeVisible();
    expect(screen.getByRole('form', { name: 'Apri un nuovo concorso' })).toBeVisible();
  });
});
