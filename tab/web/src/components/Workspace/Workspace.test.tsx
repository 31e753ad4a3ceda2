import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, sara } from '../../../test/fixtures';
import { guidePost, newsPost } from '../../../test/post-fixtures';
import { Workspace } from './Workspace';

const renderWorkspace = (state: Parameters<typeof fakeServer>[0], postId?: string) => {
  const fake = fakeServer({ posts: [guidePost(), newsPost()], ...state });
  renderWithTeams(
    <Workspace me={state.me} />,
    fakeTeams(fake.apiFetch, postId ? { place: { kind: 'post', postId } } : {}),
  );
  return fake;
};

describe('the Spazio facilitatori screen', () => {
  it('lists the posts newest first with their summary, category, tags, author, date and "utile"', async () => {
    renderWorkspace({ me: giulia });
    const list = await screen.findByRole('list', { name: 'Contenuti' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]!).getByRole('button', { name: 'Come usare Planner' }),
    ).toBeInTheDocument();
    expect(
      within(rows[0]!).getByText('Le attività del settore in un piano condiviso.'),
    ).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Guida')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('planner')).toBeInTheDocument();
    expect(
      within(rows[0]!).getByText('Sara Conti · 3 novembre 2026 · Utile: 3'),
    ).toBeInTheDocument();
    // An employee neither writes nor sees the community board.
    expect(screen.queryByRole('button', { name: 'Nuovo contenuto' })).not.toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Bacheca della comunità' })).not.toBeInTheDocument();
  });

  it('filters by category and tag, and searches once typing pauses', async () => {
    const { server } = renderWorkspace({ me: giulia });
    await screen.findByRole('list', { name: 'Contenuti' });

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Categoria' }), 'news');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Parola chiave' }),
      'pagopa',
    );
    await waitFor(() =>
      expect(server.calls.at(-1)).toBe('GET /api/v1/posts?category=news&tag=pagopa'),
    );
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Contenuti' })).getAllByRole('listitem'),
      ).toHaveLength(1),
    );

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Categoria' }), '');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Parola chiave' }), '');
    const before = server.calls.length;
    await userEvent.type(screen.getByRole('searchbox', { name: 'Cerca' }), 'planner');
    await waitFor(() => expect(server.calls.at(-1)).toBe('GET /api/v1/posts?q=planner'));
    // One request for the whole word, not one per letter.
    expect(server.calls.slice(before).filter((c) => c.includes('q='))).toEqual([
      'GET /api/v1/posts?q=planner',
    ]);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Come usare Planner' })).toBeInTheDocument(),
    );
  });

  it('opens a post and returns to its entry in the list', async () => {
    renderWorkspace({ me: giulia });
    await userEvent.click(await screen.findByRole('button', { name: 'Come usare Planner' }));
    const heading = await screen.findByRole('heading', { name: 'Come usare Planner', level: 2 });
    await waitFor(() => expect(heading).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: '← Tutti i contenuti' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Come usare Planner' })).toHaveFocus(),
    );
  });

  it("opens straight at a link's post", async () => {
    renderWorkspace({ me: giulia }, 'post-news');
    expect(
      await screen.findByRole('heading', { name: 'Nuovo laboratorio sui pagamenti', level: 2 }),
    ).toBeInTheDocument();
  });

  it('gives facilitators their drafts, the editor and the community board', async () => {
    const { server } = renderWorkspace({
      me: sara,
      posts: [
        guidePost(),
        guidePost({ id: 'post-draft', title: 'Bozza di guida', state: 'draft', publishedAt: null }),
      ],
    });
    await screen.findByRole('list', { name: 'Contenuti' });
    await userEvent.click(screen.getByRole('button', { name: 'Solo bozze' }));
    await waitFor(() => expect(server.calls.at(-1)).toBe('GET /api/v1/posts?state=draft'));
    expect(await screen.findByRole('button', { name: 'Bozza di guida' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Bacheca della comunità' }));
    expect(
      await screen.findByRole('heading', { name: 'Bacheca della comunità', level: 2 }),
    ).toBeInTheDocument();
    expect(server.calls).toContain('GET /api/v1/workspace/questions');
  });

  it('lets an admin choose the channels announcements go to', async () => {
    const { server } = renderWorkspace({
      me: sara,
      knownTeams: [
        {
          teamId: 'team-1',
          name: 'Innovazione',
          channels: [
            { channelId: 'c-gen', name: null },
            { channelId: 'c-fac', name: 'Facilitatori' },
          ],
        },
      ],
    });
    const facilitators = await screen.findByRole('combobox', { name: 'Canale dei facilitatori' });
    await userEvent.selectOptions(facilitators, 'team-1|c-fac');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Canale di tutta l’organizzazione' }),
      'team-1|c-gen',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Salva i canali' }));
    await waitFor(() =>
      expect(server.postChannels).toEqual({
        facilitators: { teamId: 'team-1', channelId: 'c-fac' },
        organisation: { teamId: 'team-1', channelId: 'c-gen' },
      }),
    );
    // A channel without a name is the team's general one.
    expect(screen.getAllByRole('option', { name: 'Innovazione · Generale' })).toHaveLength(2);
  });
});
