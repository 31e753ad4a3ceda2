import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { sara } from '../../../test/fixtures';
import { guidePost } from '../../../test/post-fixtures';
import { PostEditor } from './PostEditor';

/** Typing every letter re-renders a form full of Fluent fields: slow in jsdom. */
const fill = async (field: HTMLElement, text: string) => {
  await userEvent.click(field);
  await userEvent.paste(text);
};

const renderEditor = (state: Parameters<typeof fakeServer>[0], id?: string) => {
  const fake = fakeServer(state);
  const onDone = jest.fn();
  renderWithTeams(<PostEditor id={id} onDone={onDone} />, fakeTeams(fake.apiFetch));
  return { ...fake, onDone };
};

describe('the post editor', () => {
  beforeAll(() => {
    URL.createObjectURL = () => 'blob:image';
    URL.revokeObjectURL = () => undefined;
  });

  it('checks the fields, saves a draft, previews it, adds files and publishes it', async () => {
    const { server, onDone } = renderEditor({
      me: sara,
      refuseFiles: { 'finto.pdf': [415, 'Il contenuto del file non è un tipo accettato.'] },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Salva la bozza' }));
    expect(
      await screen.findByText('Scrivi un titolo di 140 caratteri al massimo.'),
    ).toBeInTheDocument();
    expect(server.calls.some((c) => c.startsWith('POST'))).toBe(false);
    expect(
      screen.getByText('Potrai aggiungere file e immagini dopo aver salvato la bozza.'),
    ).toBeInTheDocument();

    await fill(screen.getByRole('textbox', { name: /^Titolo/ }), 'Guida a Teams');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Categoria' }), 'material');
    await fill(screen.getByRole('textbox', { name: /^Parole chiave/ }), 'Teams, riunioni, teams');
    await fill(screen.getByRole('textbox', { name: /^Testo/ }), '## Riunioni\n\n- pianificare');
    await userEvent.click(screen.getByRole('tab', { name: 'Anteprima' }));
    expect(screen.getByRole('heading', { name: 'Riunioni' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Salva la bozza' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Salvato.');
    expect(server.bodies[0]).toEqual({
      call: 'POST /api/v1/posts',
      body: {
        title: 'Guida a Teams',
        summary: '',
        category: 'material',
        tags: ['teams', 'riunioni'],
        body: '## Riunioni\n\n- pianificare',
      },
    });

    const input = await screen.findByLabelText(/^Aggiungi file/);
    await userEvent.upload(
      input,
      [
        new File(['png'], 'schema.png', { type: 'image/png' }),
        new File(['exe'], 'virus.exe', { type: 'application/x-msdownload' }),
        new File(['pdf'], 'finto.pdf', { type: 'application/pdf' }),
      ],
      { applyAccept: false },
    );
    expect(await screen.findByText(/virus\.exe: tipo di file non accettato/)).toBeInTheDocument();
    expect(
      screen.getByText(/finto\.pdf: Il contenuto del file non è un tipo accettato\./),
    ).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Inserisci schema.png nel testo' }),
    );
    await userEvent.click(screen.getByRole('tab', { name: 'Scrivi' }));
    expect(screen.getByRole('textbox', { name: /^Testo/ })).toHaveValue(
      `## Riunioni\n\n- pianificare\n\n![schema.png](${server.posts[0]!.attachments[0]!.url})\n`,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Pubblica…' }));
    const dialog = await screen.findByRole('dialog', inDialog);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Pubblica', ...inDialog }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(server.posts[0]!.id));
    // The text changed since the last save: it was saved before publishing.
    expect(server.posts[0]!.body).toContain('![schema.png]');
    expect(server.posts[0]!.state).toBe('published');
    expect(server.publications[server.posts[0]!.id]).toEqual({});
  });

  it('shows the newer version when someone changed the post meanwhile', async () => {
    const post = guidePost({ may: { edit: true, publish: false, delete: true, mark: true } });
    const { server } = renderEditor({ me: sara, posts: [post] }, post.id);
    const title = await screen.findByRole('textbox', { name: /^Titolo/ });
    expect(title).toHaveValue('Come usare Planner');
    // Someone else saves first.
    server.posts[0] = { ...post, title: 'Planner per tutti', version: 3, etag: 'W/"other"' };

    await userEvent.clear(title);
    await fill(title, 'Planner in breve');
    await userEvent.click(screen.getByRole('button', { name: 'Salva la bozza' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Qualcuno ha modificato questo contenuto nel frattempo \(versione 3,/,
    );
    expect(screen.getByRole('heading', { name: 'Planner per tutti' })).toBeInTheDocument();
    expect(title).toHaveValue('Planner in breve');

    await userEvent.click(
      screen.getByRole('button', { name: 'Tieni le mie modifiche e salva sopra' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Salva la bozza' }));
    await waitFor(() => expect(server.posts[0]!.title).toBe('Planner in breve'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
