import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { LabThemesRepository } from './labs.repository';
import type { LabTheme, ThemeTextSchema } from './themes';

/** The seeded themes (content/labs/) and those admins added, seeded first. */
export class ThemesService {
  constructor(
    private readonly seeded: readonly LabTheme[],
    private readonly added: LabThemesRepository,
  ) {}

  async all(): Promise<LabTheme[]> {
    return [...this.seeded, ...(await this.added.all())];
  }

  async find(id: string): Promise<LabTheme | undefined> {
    return (
      this.seeded.find((t) => t.id === id) ?? (await this.added.all()).find((t) => t.id === id)
    );
  }

  /** Adds an admin's theme under a new id (the routes check the caller is an admin). */
  async add(text: z.output<typeof ThemeTextSchema>): Promise<LabTheme> {
    const theme: LabTheme = { ...text, id: `t-${randomBytes(5).toString('hex')}`, seeded: false };
    await this.added.insert(theme);
    return theme;
  }
}
