import { z } from 'zod';
import type { Audience } from '../core/delivery/campaign';
import { type CampaignService, type CampaignStatus } from '../core/delivery/campaign.service';
import { DomainError } from '../core/errors';
import { translator } from '../core/i18n/translator';
import type { AdminIo } from './admin-io';

export const CAMPAIGN_USAGE = `  campaign start assessment --audience all | --department <name>… | --role <manager|facilitator|admin>
                                Invite people to the assessment in their 1:1 chat with the bot
  campaign list                 Campaigns, newest first
  campaign status <id> [--watch]
                                Sent / pending / failed / blocked / unreachable / already completed,
                                progress and ETA
  campaign pause|resume|cancel <id>
  campaign remind <id> --after <3d|12h|30m>
                                Remind who received <id> and has not completed, that long after it started
  campaign unreachable <id>     People without a chat with the bot, tab-separated: name, UPN, department, id
                                (app not installed: see docs/proactive-install.md)`;

const t = translator('en-US');

/** "3d", "12h", "30m", "0" → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,4})([dhm])?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm'] ?? 0;
  return Number(match[1]) * (match[2] ? unit : 60_000);
}

/** The options of `campaign start`: exactly one way of naming the audience. */
export function parseAudience(args: readonly string[]): Audience | string {
  const departments: string[] = [];
  let all = false;
  let role: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--audience' && value === 'all') all = true;
    else if (flag === '--department') departments.push(value);
    else if (flag === '--role') role = value;
    else return `unknown option ${flag} ${value}`;
    i++;
  }
  const given = [all, departments.length > 0, role !== undefined].filter(Boolean).length;
  if (given !== 1)
    return 'name the audience once: --audience all, --department <name>… or --role <role>';
  if (all) return { kind: 'all' };
  if (departments.length > 0) return { kind: 'departments', departments };
  const parsed = z.enum(['manager', 'facilitator', 'admin']).safeParse(role);
  return parsed.success ? { kind: 'role', role: parsed.data } : `unknown role ${role}`;
}

const BAR_WIDTH = 30;

export function formatStatus(status: CampaignStatus): string[] {
  const { campaign, counts } = status;
  const what = campaign.kind === 'reminder' ? 'reminder' : 'assessment invitation';
  const waiting = campaign.state === 'preparing' && campaign.notBefore.getTime() > Date.now();
  const state = waiting ? `scheduled for ${campaign.notBefore.toISOString()}` : campaign.state;
  const filled = Math.round(status.progress * BAR_WIDTH);
  const settled = counts.total - counts.pending;
  const nobody = counts.total === 0 && status.audienceRead >= 1;
  const lines = [
    `Campaign ${campaign.id} · ${what} · ${state}`,
    nobody
      ? 'Nobody to send it to.'
      : `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${Math.floor(status.progress * 100)} %  ${settled} of ${counts.total}${status.audienceRead < 1 && !waiting ? ` (audience ${Math.floor(status.audienceRead * 100)} % read)` : ''}`,
    `sent ${counts.sent} · pending ${counts.pending} · failed ${counts.failed} · blocked ${counts.blocked} · unreachable ${counts.unreachable} · already completed ${counts.alreadyCompleted}`,
  ];
  if (status.etaSeconds !== undefined && status.etaSeconds > 0) {
    lines.push(`ETA ${formatSeconds(status.etaSeconds)} at the tenant rate`);
  }
  if (counts.inDoubt > 0) {
    lines.push(
      `${counts.inDoubt} sent again after an instance stopped mid-send: each may have been received twice`,
    );
  }
  if (
    (campaign.state === 'running' || campaign.state === 'preparing') &&
    !status.sending &&
    !waiting
  ) {
    lines.push('No instance is sending it right now: is the app running (npm start)?');
  }
  return lines;
}

function formatSeconds(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5_400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3_600).toFixed(1)} h`;
}

/** What the campaign commands use of the service. */
export type CampaignCommands = Pick<
  CampaignService,
  'preview' | 'start' | 'list' | 'status' | 'pause' | 'resume' | 'cancel' | 'remind' | 'unreachable'
>;

/** `npm run admin -- campaign …`; returns the exit code. */
export async function runCampaignCommand(
  args: readonly string[],
  campaigns: CampaignCommands,
  io: AdminIo,
  /** What `campaign start assessment` sends: the invitation to the current round. */
  invitation: { kind: string; subject: string },
): Promise<number> {
  const [verb, first, ...rest] = args;
  try {
    switch (verb) {
      case 'start': {
        if (first !== 'assessment') return usage(io, 'campaign start assessment …');
        const audience = parseAudience(rest);
        if (typeof audience === 'string') return usage(io, audience);
        const { reachable, alreadyCompleted, unreachable } = await campaigns.preview({
          ...invitation,
          audience,
        });
        const campaign = await campaigns.start({ ...invitation, audience, createdBy: 'admin-cli' });
        io.out(
          `Started campaign ${campaign.id}. Follow it with: npm run admin -- campaign status ${campaign.id} --watch`,
        );
        io.out(
          `${reachable} will get it, ${alreadyCompleted} skipped (already completed), ${unreachable} unreachable.`,
        );
        return 0;
      }
      case 'list': {
        for (const c of await campaigns.list()) {
          io.out(
            `${c.id}  ${c.kind.padEnd(10)}  ${c.state.padEnd(9)}  created ${c.createdAt.toISOString()}`,
          );
        }
        return 0;
      }
      case 'status': {
        if (!first) return usage(io, 'campaign status <id>');
        return await watchStatus(campaigns, first, rest.includes('--watch'), io);
      }
      case 'pause':
      case 'resume':
      case 'cancel': {
        if (!first) return usage(io, `campaign ${verb} <id>`);
        const campaign = await campaigns[verb](first);
        io.out(`Campaign ${campaign.id} is now ${campaign.state}.`);
        return 0;
      }
      case 'remind': {
        const after = rest[0] === '--after' && rest[1] ? parseDuration(rest[1]) : undefined;
        if (!first || after === undefined) return usage(io, 'campaign remind <id> --after 3d');
        const reminder = await campaigns.remind(first, after, 'admin-cli');
        io.out(`Reminder ${reminder.id} scheduled for ${reminder.notBefore.toISOString()}.`);
        return 0;
      }
      case 'unreachable': {
        if (!first) return usage(io, 'campaign unreachable <id>');
        const people = await campaigns.unreachable(first);
        io.out(['name', 'upn', 'department', 'id'].join('\t'));
        for (const p of people) {
          io.out([p.displayName ?? '', p.upn ?? '', p.department ?? '', p.personId].join('\t'));
        }
        io.err(`${people.length} people without a chat with the bot.`);
        return 0;
      }
      default:
        return usage(io, 'unknown campaign command');
    }
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(error.describe(t));
      return 1;
    }
    if (error instanceof z.ZodError) {
      io.err(`Invalid audience: ${error.issues.map((i) => i.message).join('; ')}`);
      return 1;
    }
    throw error;
  }
}

async function watchStatus(
  campaigns: CampaignCommands,
  id: string,
  watch: boolean,
  io: AdminIo,
): Promise<number> {
  for (;;) {
    const status = await campaigns.status(id);
    for (const line of formatStatus(status)) io.out(line);
    const final = status.campaign.state === 'completed' || status.campaign.state === 'cancelled';
    if (!watch || final) return 0;
    io.out('');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

function usage(io: AdminIo, problem: string): number {
  io.err(`${problem}\n\nUsage:\n${CAMPAIGN_USAGE}`);
  return 2;
}
