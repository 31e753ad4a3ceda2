import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { sara } from '../../../test/fixtures';
import { paymentsLab } from '../../../test/lab-fixtures';
import { LabPage } from '../LabPage/LabPage';

const renderLab = () => {
  const fake = fakeServer({ me: sara, labs: [paymentsLab()] });
  renderWithTeams(<LabPage id="lab-pay" />, fakeTeams(fake.apiFetch));
  return fake;
};

const column = (name: RegExp) => screen.getByRole('list', { name });
const titlesIn = (name: RegExp) =>
  within(column(name))
    .getAllByRole('listitem')
    .map((item) => within(item).getAllByRole('button')[0]!.textContent);

describe("a lab's board", () => {
  it('moves a task with Shift and the arrows, saved with its version and announced', async () => {
    const { server } = renderLab();
    const task = await screen.findByRole('button', { name: 'Mappare i servizi' });
    task.focus();

    await userEvent.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(titlesIn(/^Da fare/)).toEqual(['Sentire la ragioneria', 'Mappare i servizi']);
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');

    expect(titlesIn(/^In corso/)).toEqual(['Scegliere il fornitore', 'Mappare i servizi']);
    expect(screen.getByRole('status')).toHaveTextContent(
      '«Mappare i servizi» spostata in In corso.',
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Mappare i servizi' })).toHaveFocus(),
    );
    await waitFor(() =>
      expect(server.labs[0]!.tasks.find((t) => t.id === 't1')!.column).toBe('doing'),
    );
    // The second move waited for the first one's answer and sent its new version.
    const patches = server.calls.filter((c) => c.startsWith('PATCH'));
    expect(patches).toEqual([
      'PATCH /api/v1/labs/lab-pay/tasks/t1',
      'PATCH /api/v1/labs/lab-pay/tasks/t1',
    ]);
    expect(screen.queryByText(/non è stata salvata/)).not.toBeInTheDocument();
  });

  it('moves a task through its «Sposta» menu', async () => {
    const { server } = renderLab();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Sposta «Scegliere il fornitore»' }),
    );
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Sposta in Fatto' }));

    expect(titlesIn(/^Fatto/)).toEqual(['Scegliere il fornitore']);
    await waitFor(() =>
      expect(server.bodies.at(-1)).toEqual({
        call: 'PATCH /api/v1/labs/lab-pay/tasks/t3',
        body: { column: 'done', order: 0 },
      }),
    );
  });

  it('shows the fresh version when someone else moved the task first, never overwriting it', async () => {
    const { server } = renderLab();
    const task = await screen.findByRole('button', { name: 'Mappare i servizi' });
    // Someone else renames it and puts it in Fatto meanwhile.
    Object.assign(server.labs[0]!.tasks[0]!, {
      title: 'Mappare i servizi online',
      column: 'done',
      etag: 'W/"theirs"',
    });
    task.focus();
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');

    const message = /^Un'altra persona ha appena modificato «Mappare i servizi online»/;
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(message));
    expect(screen.getAllByText(message)).toHaveLength(2); // announced, and shown
    expect(titlesIn(/^Fatto/)).toEqual(['Mappare i servizi online']);
    expect(server.labs[0]!.tasks[0]).toMatchObject({ column: 'done', etag: 'W/"theirs"' });
  });

  it('keeps a stale edit open with the fresh version and the words typed', async () => {
    const { server } = renderLab();
    await userEvent.click(await screen.findByRole('button', { name: 'Sentire la ragioneria' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    const title = within(dialog).getByRole('textbox', { name: /^Titolo/, ...inDialog });
    await userEvent.clear(title);
    await userEvent.type(title, 'Sentire la ragioneria e i tributi');
    server.labs[0]!.tasks[1]!.description = 'Scritto da un’altra persona';
    server.labs[0]!.tasks[1]!.etag = 'W/"theirs"';
    await userEvent.click(within(dialog).getByRole('button', { name: 'Salva', ...inDialog }));

    expect(
      await within(dialog).findByText('La tua modifica non è stata salvata'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Descrizione', ...inDialog })).toHaveValue(
      'Scritto da un’altra persona',
    );
    expect(title).toHaveValue('Sentire la ragioneria');
    expect(within(dialog).getByText(/Sentire la ragioneria e i tributi/)).toBeInTheDocument();

    await userEvent.clear(title);
    await userEvent.type(title, 'Sentire la ragioneria e i tributi');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Salva', ...inDialog }));
    await waitFor(() => expect(screen.queryByRole('dialog', inDialog)).not.toBeInTheDocument());
    expect(server.labs[0]!.tasks[1]).toMatchObject({
      title: 'Sentire la ragioneria e i tributi',
      description: 'Scritto da un’altra persona',
    });
  });

  it('creates a task in a column with its assignee, due date and milestone', async () => {
    const { server } = renderLab();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Nuova attività in In corso' }),
    );
    const dialog = await screen.findByRole('dialog', inDialog);
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /^Titolo/, ...inDialog }),
      'Bozza del bando',
    );
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Giulia Ferri', ...inDialog }),
    );
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Traguardo', ...inDialog }),
      'm1',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Salva', ...inDialog }));

    await waitFor(() => expect(titlesIn(/^In corso/)).toContain('Bozza del bando'));
    expect(server.bodies.at(-1)?.body).toMatchObject({
      title: 'Bozza del bando',
      column: 'doing',
      assignees: ['7b0c2e5a-6f1d-4c3b-9a8e-1d2f3a4b5c60'],
      milestoneId: 'm1',
      dueDate: null,
    });
  });
});
