import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { sara } from '../../../test/fixtures';
import { boardQuestion } from '../../../test/post-fixtures';
import { CommunityBoard } from './CommunityBoard';

const fill = async (field: HTMLElement, text: string) => {
  await userEvent.click(field);
  await userEvent.paste(text);
};

describe('the community board', () => {
  it('lists the questions, replies to one and marks it solved by a reply, then reopens it', async () => {
    const { server, apiFetch } = fakeServer({ me: sara, boardQuestions: [boardQuestion()] });
    renderWithTeams(<CommunityBoard />, fakeTeams(apiFetch));
    const list = await screen.findByRole('list', { name: 'Domande' });
    expect(within(list).getByText(/^Sara Conti · risposte: 1 · /)).toBeInTheDocument();

    await userEvent.click(within(list).getByRole('button', { name: 'Come si prenota la sala?' }));
    const heading = await screen.findByRole('heading', { name: 'Come si prenota la sala?' });
    await waitFor(() => expect(heading).toHaveFocus());
    await fill(screen.getByRole('textbox', { name: /^La tua risposta/ }), 'Scrivi a <b>eventi</b>');
    await userEvent.click(screen.getByRole('button', { name: 'Rispondi' }));
    const replies = await screen.findByRole('list', { name: 'Risposte' });
    // Replies are plain text: markup stays text.
    expect(await within(replies).findByText('Scrivi a <b>eventi</b>')).toBeInTheDocument();
    expect(replies.querySelector('b')).toBeNull();

    const marks = within(replies).getAllByRole('button', {
      name: 'Segna come risolta con questa risposta',
    });
    await userEvent.click(marks[1]!);
    expect(await screen.findAllByText('Risolto')).toHaveLength(1);
    expect(within(replies).getByText('Ha risolto')).toBeInTheDocument();
    expect(server.bodies.at(-1)?.body).toEqual({
      solved: true,
      replyId: server.boardQuestions[0]!.replyList[1]!.id,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Riapri la domanda' }));
    await waitFor(() => expect(screen.queryByText('Ha risolto')).not.toBeInTheDocument());
  });

  it('asks a new question and opens it', async () => {
    const { server, apiFetch } = fakeServer({ me: sara });
    renderWithTeams(<CommunityBoard />, fakeTeams(apiFetch));
    expect(await screen.findByText('Ancora nessuna domanda.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Fai una domanda' }));
    await userEvent.click(screen.getByRole('button', { name: 'Fai una domanda' }));
    expect(screen.getByText('Scrivi una domanda tra 3 e 140 caratteri.')).toBeInTheDocument();
    await fill(screen.getByRole('textbox', { name: /^Domanda/ }), 'Dove troviamo i modelli?');
    await fill(screen.getByRole('textbox', { name: /^Dettagli/ }), 'Per le presentazioni.');
    await userEvent.click(screen.getByRole('button', { name: 'Fai una domanda' }));
    expect(
      await screen.findByRole('heading', { name: 'Dove troviamo i modelli?' }),
    ).toBeInTheDocument();
    expect(server.bodies[0]).toEqual({
      call: 'POST /api/v1/workspace/questions',
      body: { title: 'Dove troviamo i modelli?', text: 'Per le presentazioni.' },
    });
  });
});
