import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, sara } from '../../../test/fixtures';
import { guidePost, postPerson } from '../../../test/post-fixtures';
import { PostPage } from './PostPage';

const renderPage = (state: Parameters<typeof fakeServer>[0], onBack = jest.fn()) => {
  const fake = fakeServer({ posts: [guidePost()], ...state });
  renderWithTeams(
    <PostPage id="post-guide" self={state.me.objectId} onBack={onBack} onEdit={jest.fn()} />,
    fakeTeams(fake.apiFetch),
  );
  return { ...fake, onBack };
};

/** A draft of Sara's, an admin, with its publish dialog open. */
const openPublishDialog = async (departments: string[] = []) => {
  const fake = renderPage({
    me: sara,
    departments,
    posts: [
      guidePost({
        state: 'draft',
        publishedAt: null,
        may: { edit: true, publish: true, delete: true, mark: false },
      }),
    ],
  });
  await userEvent.click(await screen.findByRole('button', { name: 'Pubblica…' }));
  return { ...fake, dialog: await screen.findByRole('dialog', inDialog) };
};

describe('a post of the workspace', () => {
  it('shows the text, the files and the facilitators of the reader’s department', async () => {
    URL.createObjectURL = () => 'blob:file';
    URL.revokeObjectURL = () => undefined;
    const saved: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push(this.download);
    });
    renderPage({ me: giulia });
    expect(
      await screen.findByRole('heading', { name: 'Primi passi', level: 2 }),
    ).toBeInTheDocument();
    expect(screen.getByText('Planner', { selector: 'strong' })).toBeInTheDocument();
    const aside = screen.getByRole('complementary', { name: 'Facilitatori del tuo settore' });
    expect(within(aside).getByText('Sara Conti')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Scarica planner.pdf' }));
    await waitFor(() => expect(saved).toEqual(['planner.pdf']));
    // A reader neither edits nor deletes.
    expect(screen.queryByRole('button', { name: 'Modifica' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Elimina' })).not.toBeInTheDocument();
  });

  it('marks it useful and takes the mark back', async () => {
    const { server } = renderPage({ me: giulia });
    const useful = await screen.findByRole('button', { name: 'Utile · 3' });
    expect(useful).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(useful);
    expect(await screen.findByRole('button', { name: 'Utile · 4' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Utile · 4' }));
    expect(await screen.findByRole('button', { name: 'Utile · 3' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(server.calls.filter((c) => c.endsWith('/useful'))).toEqual([
      'PUT /api/v1/posts/post-guide/useful',
      'DELETE /api/v1/posts/post-guide/useful',
    ]);
  });

  it('copies its link and shows who changed it, version by version', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPage({
      me: giulia,
      postVersions: {
        'post-guide': [
          {
            version: 2,
            title: 'Come usare Planner',
            summary: '',
            body: 'Nuovo testo',
            category: 'guide',
            tags: [],
            editor: postPerson(sara),
            at: '2026-11-04T09:00:00.000Z',
          },
          {
            version: 1,
            title: 'Planner',
            summary: '',
            body: 'Primo testo',
            category: 'guide',
            tags: [],
            editor: postPerson(sara),
            at: '2026-11-02T09:00:00.000Z',
          },
        ],
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Copia il collegamento' }));
    expect(writeText).toHaveBeenCalledWith('http://localhost/tab/?post=post-guide');
    expect(screen.getByRole('status')).toHaveTextContent('Collegamento copiato.');

    await userEvent.click(
      screen.getByRole('button', { name: 'Cronologia delle modifiche (versione 2)' }),
    );
    const first = await screen.findByRole('button', { name: /^Versione 1 · Sara Conti · / });
    await userEvent.click(first);
    expect(await screen.findByText('Primo testo')).toBeInTheDocument();
  });

  it('lets an admin delete another’s post, with a reason for its author', async () => {
    const { server, onBack } = renderPage({
      me: sara,
      posts: [
        guidePost({
          author: postPerson(giulia),
          may: { edit: true, publish: false, delete: true, mark: true },
        }),
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Elimina' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    await userEvent.click(within(dialog).getByRole('textbox', inDialog));
    await userEvent.paste('Duplicato della guida di ottobre');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Elimina', ...inDialog }));
    await waitFor(() => expect(onBack).toHaveBeenCalled());
    expect(server.bodies.at(-1)).toEqual({
      call: 'DELETE /api/v1/posts/post-guide',
      body: { reason: 'Duplicato della guida di ottobre' },
    });
  });

  it('publishes a draft with the announcements chosen', async () => {
    const { server, dialog } = await openPublishDialog();
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Canale dei facilitatori', ...inDialog }),
    );
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Tutte le persone dipendenti', ...inDialog }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Pubblica', ...inDialog }));
    await waitFor(() => expect(screen.queryByRole('dialog', inDialog)).not.toBeInTheDocument());
    expect(server.publications['post-guide']).toEqual({
      announce: { channels: ['facilitators'], chat: { kind: 'everyone' } },
    });
    expect(await screen.findByRole('button', { name: 'Utile · 3' })).toBeInTheDocument();
  });

  it('announces in chat to the departments chosen, searched by a part of their name', async () => {
    const { server, dialog } = await openPublishDialog([
      'Area Servizi Civici',
      'Area Cultura',
      'Area Attività Produttive',
    ]);
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Le persone di alcune aree', ...inDialog }),
    );
    const publish = within(dialog).getByRole('button', { name: 'Pubblica', ...inDialog });
    expect(publish).toBeDisabled();

    const box = await within(dialog).findByRole('combobox', { name: /^Aree/, ...inDialog });
    await userEvent.type(box, 'attivita');
    const found = await screen.findAllByRole('menuitemcheckbox', inDialog);
    expect(found.map((option) => option.textContent)).toEqual(['Area Attività Produttive']);
    await userEvent.click(found[0]!);
    await userEvent.type(box, 'cult');
    await userEvent.click(
      await screen.findByRole('menuitemcheckbox', { name: 'Area Cultura', ...inDialog }),
    );
    await userEvent.keyboard('{Escape}');
    const chosen = within(dialog).getByRole('toolbar', { name: 'Aree scelte', ...inDialog });
    expect(
      within(chosen)
        .getAllByRole('button', inDialog)
        .map((tag) => tag.getAttribute('value')),
    ).toEqual(['Area Attività Produttive', 'Area Cultura']);

    await userEvent.click(publish);
    await waitFor(() => expect(screen.queryByRole('dialog', inDialog)).not.toBeInTheDocument());
    expect(server.publications['post-guide']).toEqual({
      announce: {
        chat: { kind: 'departments', departments: ['Area Attività Produttive', 'Area Cultura'] },
      },
    });
  });
});
