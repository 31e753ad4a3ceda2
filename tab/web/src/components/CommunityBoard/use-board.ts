import { useCallback } from 'react';
import { usePostsApi } from '../../api/posts';
import { useAction, useLoad } from '../../api/use-api';
import type { BoardSolved, NewBoardQuestion } from '../../api/types';

/** The community board's questions, newest activity first, and asking a new one. */
export function useBoard() {
  const api = usePostsApi();
  const load = useCallback(() => api.questions(), [api]);
  const [questions, reload] = useLoad(load);
  const action = useAction<'ask'>();
  const { run } = action;
  const ask = useCallback(
    (question: NewBoardQuestion, then: (id: string) => void) =>
      run('ask', async () => then((await api.ask(question)).id)),
    [api, run],
  );
  return { questions, reload, ask, action };
}

/** One question with its replies: replying, marking it solved (by a reply) or reopening it. */
export function useBoardQuestion(id: string) {
  const api = usePostsApi();
  const load = useCallback(() => api.question(id), [api, id]);
  const [question, reload, setQuestion] = useLoad(load);
  const action = useAction<'reply' | 'solve'>();
  const { run } = action;
  const reply = useCallback(
    (text: string, then: () => void) =>
      run('reply', async () => {
        await api.reply(id, text);
        setQuestion(await api.question(id));
        then();
      }),
    [api, id, run, setQuestion],
  );
  const solve = useCallback(
    (solved: BoardSolved) => run('solve', async () => setQuestion(await api.solve(id, solved))),
    [api, id, run, setQuestion],
  );
  return { question, reload, reply, solve, action };
}
