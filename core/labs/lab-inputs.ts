import { z } from 'zod';
import { UPDATE_NEXT_STEPS_MAX, UPDATE_TEXT_MAX, UPDATE_TITLE_MAX } from './update';

/** `YYYY-MM-DD`, a real day. */
export const DaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a date',
  );

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const ObjectId = z.uuid().toLowerCase();
const Id = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const LAB_TITLE_MAX = 120;
export const LAB_GOAL_MAX = 2_000;
export const LAB_OUTCOME_MAX = 4_000;
export const TASK_TITLE_MAX = 200;
export const TASK_DESCRIPTION_MAX = 4_000;
export const NOTE_TEXT_MAX = 2_000;
/** People per lab (members and leads), kept in the lab's row. */
export const MAX_LAB_MEMBERS = 300;

export const NewLabSchema = z.strictObject({
  theme: Id,
  title: text(3, LAB_TITLE_MAX),
  goal: text(3, LAB_GOAL_MAX),
  leads: z.array(ObjectId).max(10).optional(),
  startDate: DaySchema.nullable().optional(),
  plannedEndDate: DaySchema.nullable().optional(),
  private: z.boolean().optional(),
});
export type NewLab = z.output<typeof NewLabSchema>;

export const LabSettingsSchema = z.strictObject({
  theme: Id.optional(),
  title: text(3, LAB_TITLE_MAX).optional(),
  goal: text(3, LAB_GOAL_MAX).optional(),
  startDate: DaySchema.nullable().optional(),
  plannedEndDate: DaySchema.nullable().optional(),
  private: z.boolean().optional(),
  status: z.enum(['proposed', 'active']).optional(),
});
export type LabSettings = z.output<typeof LabSettingsSchema>;

export const ClosingSchema = z.strictObject({ outcome: text(3, LAB_OUTCOME_MAX) });
export const InvitationSchema = z.strictObject({ objectIds: z.array(ObjectId).min(1).max(50) });
export const MemberChangeSchema = z.strictObject({ role: z.enum(['lead', 'member']) });
export const ChannelLinkSchema = z.strictObject({
  teamId: z.string().min(1).max(200),
  channelId: z.string().min(1).max(200),
});

const TaskFields = {
  title: text(1, TASK_TITLE_MAX),
  description: z.string().max(TASK_DESCRIPTION_MAX),
  column: z.enum(['todo', 'doing', 'done']),
  order: z.number().finite(),
  assignees: z.array(ObjectId).max(20),
  dueDate: DaySchema.nullable(),
  milestoneId: Id.nullable(),
};
export const NewTaskSchema = z.strictObject({
  title: TaskFields.title,
  description: TaskFields.description.optional(),
  column: TaskFields.column.optional(),
  order: TaskFields.order.optional(),
  assignees: TaskFields.assignees.optional(),
  dueDate: TaskFields.dueDate.optional(),
  milestoneId: TaskFields.milestoneId.optional(),
});
export type NewTask = z.output<typeof NewTaskSchema>;
export const TaskChangeSchema = NewTaskSchema.partial();
export type TaskChange = z.output<typeof TaskChangeSchema>;

export const NewMilestoneSchema = z.strictObject({
  title: text(1, TASK_TITLE_MAX),
  dueDate: DaySchema.nullable().optional(),
  reached: z.boolean().optional(),
});
export type NewMilestone = z.output<typeof NewMilestoneSchema>;
export const MilestoneChangeSchema = NewMilestoneSchema.partial();

export const NewNoteSchema = z.strictObject({
  kind: z.enum(['note', 'decision']),
  text: text(1, NOTE_TEXT_MAX),
});

export const NewUpdateSchema = z.strictObject({
  title: text(3, UPDATE_TITLE_MAX),
  text: text(1, UPDATE_TEXT_MAX),
  progress: z.number().int().min(0).max(100).nullable().optional(),
  nextSteps: z.string().trim().max(UPDATE_NEXT_STEPS_MAX).nullable().optional(),
  mentions: z.array(ObjectId).max(20).optional(),
});
export type NewUpdate = z.output<typeof NewUpdateSchema>;
