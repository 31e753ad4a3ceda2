import { z } from 'zod';
import { BENEFICIARIES, IDEA_THEMES } from './idea';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** The proposal form's fields, as the tab and the bot's card send them. */
export const ProposalBody = z.strictObject({
  title: text(5, 150),
  procedure: text(2, 200),
  office: text(2, 200),
  problem: text(10, 4_000),
  proposal: text(10, 4_000),
  benefits: text(10, 4_000),
  beneficiaries: z.array(z.enum(BENEFICIARIES)).max(3).optional(),
  links: z
    .array(z.url({ protocol: /^https$/ }).max(500))
    .max(5)
    .optional(),
  area: text(1, 120).optional(),
  theme: z.enum(IDEA_THEMES).optional(),
});
