import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, sara } from '../../../test/fixtures';
import { paymentsLab } from '../../../test/lab-fixtures';
import { LabPage } from '../LabPage/LabPage';

const openUpdates = async (me = sara) => {
  const fake = fakeServer({
    me,
    labs: [
      paymentsLab(
        me === sara
          ? {}
          : { membership: 'member', permissions: { manage: false, editBoard: true, join: false } },
      ),
    ],
  });
  renderWithTeams(<LabPage id="lab-pay" />, fakeTeams(fake.apiFetch));
  await userEvent.click(await screen.findByRole('tab', { name: 'Aggiornamenti' }));
  return fake;
};

describe("a lab's updates", () => {
  it('says why an update was not posted, and lets a lead retry it', async () => {
    const { server } = await openUpdates();
    const timeline = screen.getByRole('list');
    const entry = within(timeline).getByRole('listitem');
    expect(entry).toHaveTextContent('Non pubblicato: il canale è stato eliminato');

    await userEvent.click(
      within(entry).getByRole('button', { name: 'Riprova a pubblicare «Primo incontro»' }),
    );

    await waitFor(() => expect(entry).toHaveTextContent('In pubblicazione nel canale'));
    expect(server.calls).toContain('POST /api/v1/labs/lab-pay/updates/u1/retry');
    expect(within(entry).queryByRole('button', { name: /^Riprova/ })).not.toBeInTheDocument();
  });

  it('counts the text as it is typed and stores the update first in the timeline', async () => {
    const { server } = await openUpdates();
    await userEvent.type(screen.getByRole('textbox', { name: /^Titolo/ }), 'Secondo incontro');
    const text = screen.getByRole('textbox', { name: /^Testo/ });
    await userEvent.click(text);
    await userEvent.paste('Abbiamo scelto il fornitore.');
    expect(screen.getByText('28 caratteri su 2000')).toBeInTheDocument();
    expect(text).toHaveAttribute('maxlength', '2000');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Giulia Ferri' }));
    await userEvent.click(screen.getByRole('button', { name: "Salva l'aggiornamento" }));

    await waitFor(() =>
      expect(within(screen.getByRole('list')).getAllByRole('listitem')[0]).toHaveTextContent(
        'Non pubblicato: nessun canale collegato',
      ),
    );
    expect(server.bodies.at(-1)).toEqual({
      call: 'POST /api/v1/labs/lab-pay/updates',
      body: {
        title: 'Secondo incontro',
        text: 'Abbiamo scelto il fornitore.',
        progress: null,
        nextSteps: null,
        mentions: [giulia.objectId],
      },
    });
  });

  it('shows members the timeline without the form or a retry', async () => {
    await openUpdates(giulia);
    expect(screen.getByRole('listitem')).toHaveTextContent('Primo incontro');
    expect(screen.queryByRole('button', { name: /^Riprova/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /^Titolo/ })).not.toBeInTheDocument();
  });
});
