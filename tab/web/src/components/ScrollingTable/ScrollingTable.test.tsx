import {
  FluentProvider,
  TableBody,
  TableCell,
  TableRow,
  webLightTheme,
} from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScrollingTable } from './ScrollingTable';

const table = (caption: string) => (
  <ScrollingTable caption={caption}>
    <TableBody>
      <TableRow>
        <TableCell>{caption}: 1</TableCell>
      </TableRow>
    </TableBody>
  </ScrollingTable>
);

describe('a scrolling table', () => {
  it('is a region and a table named by its caption, each its own on a screen with two', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        {table('Punteggio medio')}
        {table('Campagne')}
      </FluentProvider>,
    );

    for (const name of ['Punteggio medio', 'Campagne']) {
      const region = screen.getByRole('region', { name });
      expect(region).toContainElement(screen.getByRole('table', { name }));
      expect(region).toHaveTextContent(`${name}: 1`);
    }
  });

  it('takes the keyboard focus, so that keyboard users can scroll it sideways', async () => {
    render(<FluentProvider theme={webLightTheme}>{table('Punteggio medio')}</FluentProvider>);

    await userEvent.tab();

    expect(screen.getByRole('region', { name: 'Punteggio medio' })).toHaveFocus();
  });
});
