import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia, sara } from '../../../test/fixtures';
import { PersonPicker, type PickedPerson } from './PersonPicker';

const NICCOLO = { objectId: 'p1', displayName: 'Niccolò Rossi', department: 'Area Tributi' };
const ANNA = { objectId: 'p2', displayName: 'Anna Niccolini', department: null };
const NICOLA = { objectId: 'p3', displayName: 'Nicola De Rossi', department: 'Area Welfare' };

function Host({ single, exclude }: { single?: boolean; exclude?: string[] }) {
  const [picked, setPicked] = useState<PickedPerson[]>([]);
  return (
    <PersonPicker
      label="Persone"
      picked={picked}
      onChange={setPicked}
      {...(single ? { single } : {})}
      {...(exclude ? { exclude } : {})}
    />
  );
}

const renderPicker = (props: { single?: boolean; exclude?: string[] } = {}, me = sara) => {
  const fake = fakeServer({ me, directory: [NICCOLO, ANNA, NICOLA] });
  renderWithTeams(<Host {...props} />, fakeTeams(fake.apiFetch));
  return fake;
};
const box = () => screen.getByRole('combobox', { name: 'Persone' });
/** The options once the answer to what was typed is in (the first one named). */
const optionNames = async (first: string) => {
  await screen.findByRole('option', { name: first });
  return screen.getAllByRole('option').map((option) => option.textContent);
};

describe('the person picker', () => {
  it('asks the server only from two letters, and says so', async () => {
    const { server } = renderPicker();
    expect(screen.getByText('Almeno 2 lettere del nome o del cognome')).toBeInTheDocument();
    await userEvent.type(box(), 'n');
    expect(server.calls.filter((c) => c.startsWith('GET /api/v1/people'))).toEqual([]);
    await userEvent.type(box(), 'i');
    expect(await optionNames('Niccolò Rossi · Area Tributi')).toEqual([
      'Niccolò Rossi · Area Tributi',
      'Anna Niccolini',
      'Nicola De Rossi · Area Welfare',
    ]);
    expect(server.calls).toContain('GET /api/v1/people?q=ni');
  });

  it('keeps the chosen as tags that can be removed, and offers nobody twice', async () => {
    renderPicker({ exclude: [ANNA.objectId] });
    await userEvent.type(box(), 'nic');
    expect(await optionNames('Niccolò Rossi · Area Tributi')).toEqual([
      'Niccolò Rossi · Area Tributi',
      'Nicola De Rossi · Area Welfare',
    ]);
    await userEvent.click(screen.getByRole('option', { name: 'Niccolò Rossi · Area Tributi' }));
    const chosen = screen.getByRole('toolbar', { name: 'Persone scelte' });
    expect(within(chosen).getByText('Niccolò Rossi')).toBeInTheDocument();
    expect(box()).toHaveValue('');
    await userEvent.type(box(), 'rossi');
    expect(await optionNames('Nicola De Rossi · Area Welfare')).toEqual([
      'Nicola De Rossi · Area Welfare',
    ]);
    await userEvent.click(screen.getByRole('button', { name: /Togli Niccolò Rossi$/ }));
    expect(screen.queryByRole('toolbar', { name: 'Persone scelte' })).not.toBeInTheDocument();
  });

  it('keeps one person when single', async () => {
    renderPicker({ single: true });
    await userEvent.type(box(), 'nic');
    await userEvent.click(await screen.findByRole('option', { name: /^Nicola De Rossi/ }));
    await userEvent.type(box(), 'nic');
    await userEvent.click(await screen.findByRole('option', { name: /^Niccolò Rossi/ }));
    const chosen = screen.getByRole('toolbar', { name: 'Persone scelte' });
    expect(within(chosen).getByText('Niccolò Rossi')).toBeInTheDocument();
    expect(within(chosen).queryByText('Nicola De Rossi')).not.toBeInTheDocument();
  });

  it('says when nobody matches', async () => {
    renderPicker();
    await userEvent.type(box(), 'zz');
    expect(await screen.findByText('Nessuna persona trovata')).toBeInTheDocument();
  });

  it('says when the search fails', async () => {
    renderPicker({}, giulia);
    await userEvent.type(box(), 'nic');
    expect(
      await screen.findByText('La ricerca non ha funzionato: riprova tra poco.'),
    ).toBeInTheDocument();
  });
});
