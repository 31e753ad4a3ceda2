import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findAlertDialog, inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, sara } from '../../../test/fixtures';
import { paymentsLab, themes } from '../../../test/lab-fixtures';
import { Labs } from '../Labs/Labs';
import { LabPage } from './LabPage';

const fill = async (field: HTMLElement, text: string) => {
  await userEvent.click(field);
  await userEvent.paste(text);
};

const renderLab = (me = sara) => {
  const fake = fakeServer({ me, labs: [paymentsLab()], labThemes: themes });
  renderWithTeams(<LabPage id="lab-pay" />, fakeTeams(fake.apiFetch));
  return fake.server;
};

describe("a lab's leads keep it current", () => {
  it('add, reach, re-date and remove milestones under the board', async () => {
    const server = renderLab();
    const milestones = await screen.findByRole('region', { name: 'Traguardi' });
    const form = within(milestones).getByRole('form', { name: 'Nuovo traguardo' });
    await fill(within(form).getByRole('textbox', { name: 'Traguardo' }), 'Pilota allo sportello');
    await userEvent.click(within(form).getByRole('button', { name: 'Aggiungi traguardo' }));
    await waitFor(() =>
      expect(
        within(milestones).getByRole('checkbox', { name: 'Pilota allo sportello' }),
      ).not.toBeChecked(),
    );
    expect(server.bodies.at(-1)).toEqual({
      call: 'POST /api/v1/labs/lab-pay/milestones',
      body: { title: 'Pilota allo sportello', dueDate: null },
    });
    expect(within(form).getByRole('textbox', { name: 'Traguardo' })).toHaveValue('');

    await userEvent.click(
      within(milestones).getByRole('checkbox', { name: /^Prototipo \(entro il/ }),
    );
    await waitFor(() =>
      expect(within(milestones).getByRole('checkbox', { name: /^Prototipo/ })).toBeChecked(),
    );
    expect(server.bodies.at(-1)).toEqual({
      call: 'PATCH /api/v1/labs/lab-pay/milestones/m1',
      body: { reached: true },
    });

    await userEvent.click(
      within(milestones).getByRole('button', {
        name: 'Elimina il traguardo Pilota allo sportello',
      }),
    );
    await waitFor(() =>
      expect(
        within(milestones).queryByRole('checkbox', { name: 'Pilota allo sportello' }),
      ).not.toBeInTheDocument(),
    );
    expect(server.calls).toContain('DELETE /api/v1/labs/lab-pay/milestones/m2-new');
  });

  it('show milestones read-only to someone outside the lab', async () => {
    const fake = fakeServer({
      me: giulia,
      labs: [
        paymentsLab({
          membership: null,
          permissions: { manage: false, editBoard: false, join: true },
        }),
      ],
    });
    renderWithTeams(<LabPage id="lab-pay" />, fakeTeams(fake.apiFetch));
    const milestones = await screen.findByRole('region', { name: 'Traguardi' });
    expect(within(milestones).getByRole('checkbox', { name: /^Prototipo/ })).toBeDisabled();
    expect(within(milestones).queryByRole('form')).not.toBeInTheDocument();
  });

  it("change the lab's details, sending only what changed", async () => {
    const server = renderLab();
    await userEvent.click(await screen.findByRole('tab', { name: 'Impostazioni' }));
    const details = screen.getByRole('form', { name: 'Dati del laboratorio' });
    const save = within(details).getByRole('button', { name: 'Salva le modifiche' });
    expect(save).toBeDisabled();
    const title = within(details).getByRole('textbox', { name: /Titolo/ });
    await userEvent.clear(title);
    await fill(title, 'PagoPA in ogni sportello');
    await userEvent.click(save);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
        'PagoPA in ogni sportello',
      ),
    );
    expect(server.bodies.at(-1)).toEqual({
      call: 'PATCH /api/v1/labs/lab-pay',
      body: { title: 'PagoPA in ogni sportello' },
    });
    expect(save).toBeDisabled();
  });

  it('make a member a lead, and are told when the last lead would go', async () => {
    const server = renderLab();
    await userEvent.click(await screen.findByRole('tab', { name: 'Persone' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Affida il coordinamento a Giulia Ferri' }),
    );
    await waitFor(() =>
      expect(server.calls).toContain(`PATCH /api/v1/labs/lab-pay/members/${giulia.objectId}`),
    );
    await screen.findByRole('button', { name: 'Togli il coordinamento a Giulia Ferri' });

    await userEvent.click(screen.getByRole('button', { name: 'Togli Sara Conti dal laboratorio' }));
    const confirm = await findAlertDialog('Togliere Sara Conti dal laboratorio?');
    await userEvent.click(
      within(confirm).getByRole('button', { name: 'Togli dal laboratorio', ...inDialog }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Togli Sara Conti dal laboratorio' }),
      ).not.toBeInTheDocument(),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Togli il coordinamento a Giulia Ferri' }),
    );
    expect(await screen.findByText('Serve almeno una persona che coordini')).toBeInTheDocument();
  });
});

describe('admins', () => {
  it('add a theme in Italian and English, offered at once for new labs', async () => {
    const fake = fakeServer({ me: sara, labs: [paymentsLab()], labThemes: [...themes] });
    renderWithTeams(<Labs me={sara} />, fakeTeams(fake.apiFetch));
    await userEvent.click(await screen.findByRole('button', { name: 'Nuovo tema' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    const [titleIt, titleEn] = within(dialog).getAllByRole('textbox', {
      name: /Titolo/,
      ...inDialog,
    });
    const [textIt, textEn] = within(dialog).getAllByRole('textbox', {
      name: /Descrizione/,
      ...inDialog,
    });
    await fill(titleIt!, 'Sportello digitale');
    await fill(textIt!, 'Servizi allo sportello senza carta.');
    await fill(titleEn!, 'Digital front desk');
    await fill(textEn!, 'Front-desk services without paper.');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Aggiungi il tema', ...inDialog }),
    );
    await waitFor(() =>
      expect(
        screen.queryByRole('dialog', { name: 'Nuovo tema dei laboratori' }),
      ).not.toBeInTheDocument(),
    );
    expect(fake.server.bodies.at(-1)?.body).toEqual({
      title: { 'it-IT': 'Sportello digitale', 'en-US': 'Digital front desk' },
      description: {
        'it-IT': 'Servizi allo sportello senza carta.',
        'en-US': 'Front-desk services without paper.',
      },
    });
    await waitFor(() =>
      expect(
        within(screen.getByRole('combobox', { name: 'Tema', ...inDialog })).getByRole('option', {
          name: 'Sportello digitale',
          ...inDialog,
        }),
      ).toBeInTheDocument(),
    );
  });

  it('are the only ones offered a new theme', async () => {
    const fake = fakeServer({ me: giulia, labs: [paymentsLab()], labThemes: themes });
    renderWithTeams(<Labs me={giulia} />, fakeTeams(fake.apiFetch));
    await screen.findByRole('list', { name: 'Laboratori' });
    expect(screen.queryByRole('button', { name: 'Nuovo tema' })).not.toBeInTheDocument();
  });
});
