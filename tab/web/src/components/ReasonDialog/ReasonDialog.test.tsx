import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { inDialog } from '../../../test/dialogs';
import { fakeServer, fakeTeams, renderWithTeams } from '../../../test/fake-teams';
import { giulia } from '../../../test/fixtures';
import { ReasonDialog } from './ReasonDialog';

const renderDialog = (props: { max?: number; optional?: boolean; complete?: boolean }) => {
  const onConfirm = jest.fn();
  const onClose = jest.fn();
  renderWithTeams(
    <ReasonDialog
      title="Nascondere il commento?"
      explain="Chi l'ha scritto legge il motivo."
      confirmLabel="Nascondi"
      busy={false}
      error={null}
      onClose={onClose}
      onConfirm={onConfirm}
      {...props}
    />,
    fakeTeams(fakeServer({ me: giulia }).apiFetch),
  );
  return { onConfirm, onClose };
};

const write = (text: string) => {
  const dialog = screen.getByRole('dialog', inDialog);
  const reason = within(dialog).getByRole('textbox', { name: /^Motivo/, ...inDialog });
  fireEvent.change(reason, { target: { value: text } });
  return userEvent.click(within(dialog).getByRole('button', { name: 'Nascondi', ...inDialog }));
};

describe('the reason dialog', () => {
  it.each([500, 1000])(
    'confirms a trimmed reason of 3 to %i characters and refuses the rest',
    async (max) => {
      const { onConfirm } = renderDialog(max === 1000 ? {} : { max });
      await write('  ab  ');
      expect(screen.getByText(`Scrivi un motivo da 3 a ${max} caratteri.`)).toBeInTheDocument();
      await write('x'.repeat(max + 1));
      await write('  abc  ');
      await write('x'.repeat(max));
      expect(onConfirm.mock.calls).toEqual([['abc'], ['x'.repeat(max)]]);
    },
  );

  it('confirms an empty reason when it is optional', async () => {
    const { onConfirm } = renderDialog({ optional: true });
    await write('');
    expect(onConfirm.mock.calls).toEqual([['']]);
  });

  it('waits for the fields above the reason', async () => {
    const { onConfirm } = renderDialog({ complete: false });
    await write('un motivo');
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('closes with «Annulla»', async () => {
    const { onClose } = renderDialog({});
    await userEvent.click(screen.getByRole('button', { name: 'Annulla', ...inDialog }));
    expect(onClose).toHaveBeenCalled();
  });
});
