import type { BadgeProps } from '@fluentui/react-components';
import type {
  Audience,
  Campaign,
  CampaignAction,
  CampaignState,
  CampaignStatus,
} from '../../api/types';
import type { Locale, MessageKey, Translate } from '../../i18n/i18n';

/** The state as people read it: a preparing campaign waiting for its start time is scheduled. */
export type ShownState = CampaignState | 'scheduled';

export const REMINDER_DELAYS = [0, 24, 72, 168] as const;
export type ReminderDelay = (typeof REMINDER_DELAYS)[number];

export function isScheduled(campaign: Campaign, now = Date.now()): boolean {
  return campaign.state === 'preparing' && Date.parse(campaign.notBefore) > now;
}

export function shownState(campaign: Campaign, now = Date.now()): ShownState {
  return isScheduled(campaign, now) ? 'scheduled' : campaign.state;
}

export const stateColor: Record<ShownState, NonNullable<BadgeProps['color']>> = {
  scheduled: 'informative',
  preparing: 'informative',
  running: 'brand',
  paused: 'warning',
  cancelled: 'danger',
  completed: 'success',
};

/** Whether the status is still changing on its own (and so worth reading again). */
export function isActive(state: CampaignState): boolean {
  return state === 'preparing' || state === 'running';
}

/** The server's transitions: pause while active, resume when paused, cancel until final. */
export function allows(state: CampaignState, action: CampaignAction): boolean {
  switch (action) {
    case 'pause':
      return isActive(state);
    case 'resume':
      return state === 'paused';
    case 'cancel':
      return isActive(state) || state === 'paused';
  }
}

const KIND_KEYS = new Map<string, MessageKey>([
  ['assessment', 'campaigns.kind.assessment'],
  ['reminder', 'campaigns.kind.reminder'],
  ['facilitator-invitation', 'campaigns.kind.facilitatorInvitation'],
  ['facilitator-reminder', 'campaigns.kind.facilitatorReminder'],
  ['facilitator-approval', 'campaigns.kind.facilitatorApproval'],
  ['facilitator-decision', 'campaigns.kind.facilitatorDecision'],
  ['facilitator-revocation', 'campaigns.kind.facilitatorRevocation'],
  ['training-nudge', 'campaigns.kind.trainingNudge'],
]);

/**
 * What the campaigns list shows: the message kinds of each choice (`all`: every kind, those of
 * later features included). Each acceptance or decision of a facilitator is a small campaign of
 * its own, so the list starts on the questionnaire's invitations and reminders.
 */
export const KIND_FILTERS = {
  assessment: ['assessment', 'reminder'],
  facilitators: [
    'facilitator-invitation',
    'facilitator-reminder',
    'facilitator-approval',
    'facilitator-decision',
    'facilitator-revocation',
  ],
  training: ['training-nudge'],
  all: null,
} as const satisfies Record<string, readonly string[] | null>;
export type KindFilter = keyof typeof KIND_FILTERS;
export const DEFAULT_KIND_FILTER: KindFilter = 'assessment';

/** A campaign's kind in words; a message kind the tab does not know yet, by its id. */
export function kindName(kind: string, t: Translate): string {
  const key = KIND_KEYS.get(kind);
  return key ? t(key) : kind;
}

/**
 * Reminders follow an invitation whose kind has them (the API says so) that has started sending
 * and was not cancelled.
 */
export function canRemind(campaign: Campaign): boolean {
  const started = ['running', 'paused', 'completed'].includes(campaign.state);
  return campaign.remindable && started;
}

/**
 * Who a campaign goes to, in words; `brief` names only the first of several departments (the
 * list's column), the campaign's own view names them all.
 */
export function describeAudience(
  audience: Audience,
  t: Translate,
  { brief = false }: { brief?: boolean } = {},
): string {
  switch (audience.kind) {
    case 'all':
      return t('campaigns.audience.all');
    case 'departments': {
      const [first, ...others] = audience.departments;
      if (brief && others.length > 0) {
        return t('campaigns.audience.departmentsBrief', { first: first!, more: others.length });
      }
      return t('campaigns.audience.departments', { departments: audience.departments.join(', ') });
    }
    case 'role':
      return t('campaigns.audience.role', { role: t(`campaigns.role.${audience.role}`) });
    case 'chosen':
      return t('campaigns.audience.chosen');
    case 'nonRespondents':
      return t('campaigns.audience.nonRespondents');
  }
}

export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export function formatPercent(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    Math.min(1, Math.max(0, fraction)),
  );
}

/** "less than a minute", "about 12 minutes", "about 2 hours, 5 minutes". */
export function formatEta(seconds: number, locale: Locale, t: Translate): string {
  if (seconds < 60) return t('campaigns.eta.soon');
  const unit = (value: number, name: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const minutes = Math.ceil(seconds / 60);
  const parts =
    minutes < 60
      ? [unit(minutes, 'minute')]
      : [
          unit(Math.floor(minutes / 60), 'hour'),
          ...(minutes % 60 ? [unit(minutes % 60, 'minute')] : []),
        ];
  const duration = new Intl.ListFormat(locale, { type: 'unit', style: 'long' }).format(parts);
  return t('campaigns.eta.about', { duration });
}

/** Nothing settled for this long while some are left: the ETA no longer means anything. */
export const STALL_MS = 6_000;

/** What the bar, its caption and the live region say: one set of numbers for all three. */
export interface ProgressView {
  /** 0…1 for the bar. */
  value: number;
  /** What the bar's value reads as for assistive technology. */
  valueText: string;
  /** The caption under the bar, also what the live region announces. */
  summary: string;
  eta: string | null;
  /** Said instead of the ETA when nothing has been settled for a while. */
  stalled: string | null;
}

/**
 * The progress of a campaign as people read it: never "100 %" while part of the audience is
 * unread or nobody was there to send to, and no ETA while nothing is being sent.
 * `stalledForMs`: how long the settled count has not changed (see useCampaignStatus).
 */
export function progressView(
  status: CampaignStatus,
  stalledForMs: number,
  locale: Locale,
  t: Translate,
): ProgressView {
  const number = new Intl.NumberFormat(locale);
  const { counts, audienceRead } = status;
  const settled = counts.total - counts.pending;
  const percent = formatPercent(status.progress, locale);
  const numbers = { percent, settled: number.format(settled), total: number.format(counts.total) };
  let summary: string;
  if (counts.total === 0) {
    summary = t(audienceRead >= 1 ? 'campaigns.progress.nobody' : 'campaigns.progress.noneYet');
  } else if (audienceRead < 1) {
    summary = t('campaigns.progress.reading', {
      ...numbers,
      read: formatPercent(audienceRead, locale),
    });
  } else {
    summary = t('campaigns.progress.summary', numbers);
  }
  const left = (status.expectedTotal ?? counts.total) - settled > 0 || audienceRead < 1;
  const working = isActive(status.state) && !isScheduled(status) && left;
  const stalled = working && stalledForMs >= STALL_MS;
  return {
    value: status.progress,
    valueText: counts.total === 0 ? summary : percent,
    summary,
    eta:
      working && !stalled && status.sending && status.etaSeconds !== null
        ? formatEta(status.etaSeconds, locale, t)
        : null,
    stalled: stalled
      ? t('campaigns.progress.stalled', { seconds: number.format(Math.floor(stalledForMs / 1000)) })
      : null,
  };
}
