import { screen, within } from '@testing-library/react';

// Tabster (Fluent's focus manager) marks a modal aria-hidden in jsdom when its timers run before
// focus lands inside; the e2e test checks the dialog's accessibility in Chromium instead.
export const inDialog = { hidden: true };

/**
 * The open alert dialog, checked by its title. Not found by name: an aria-hidden dialog (see
 * above) has no accessible name at all.
 */
export async function findAlertDialog(title: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole('alertdialog', inDialog);
  within(dialog).getByRole('heading', { name: title, ...inDialog });
  return dialog;
}
