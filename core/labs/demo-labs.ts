import type { Actor, ChannelLink } from './lab';
import type { LabsFeature } from './labs-feature';

/** The Agents Playground's team channel «Aggiornamenti» (.m365agentsplayground.yml). */
export const PLAYGROUND_CHANNEL: ChannelLink = {
  teamId: '19:oibo-demo-team-general@thread.tacv2',
  channelId: '19:oibo-demo-team-updates@thread.tacv2',
};

/**
 * Demo labs (local use only): one per seeded theme, led by the demo facilitator Sara; the
 * e-payments lab is co-led by Giulia (the Playground's user) and linked to the Playground's
 * channel, so that `aggiornamento` there opens its update form.
 */
export async function seedDemoLabs(
  labs: Pick<LabsFeature, 'labs' | 'labRows' | 'board' | 'themes'>,
  people: { sara: string; giulia: string; davide: string },
): Promise<number> {
  const sara: Actor = { objectId: people.sara, roles: ['employee', 'facilitator', 'admin'] };
  const themes = (await labs.themes.all()).filter((t) => t.seeded);
  for (const theme of themes) {
    const payments = theme.id === 'online-payments';
    const lab = await labs.labs.create(
      {
        theme: theme.id,
        title: theme.title['it-IT'],
        goal: theme.description['it-IT'],
        leads: payments ? [people.giulia] : [],
      },
      sara,
    );
    if (!payments) continue;
    await labs.labRows.modify(lab.id, (l) => ({
      ...l,
      channel: PLAYGROUND_CHANNEL,
      members: [...l.members, { objectId: people.davide, role: 'member', since: new Date() }],
    }));
    for (const [title, column] of [
      ['Censire gli sportelli senza POS', 'done'],
      ['Preparare la guida a pagoPA per il personale', 'doing'],
      ['Pianificare la formazione agli sportelli', 'todo'],
    ] as const) {
      await labs.board.addTask(lab.id, { title, column, assignees: [people.davide] }, sara);
    }
  }
  return themes.length;
}
