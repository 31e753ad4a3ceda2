import type { LabColumn } from './lab';

export interface LabTask {
  labId: string;
  id: string;
  title: string;
  description: string;
  column: LabColumn;
  order: number;
  assignees: string[];
  dueDate?: string;
  milestoneId?: string;
  updatedAt: Date;
  /** When it last moved to Fatto (the weekly summary's "done this week"). */
  doneAt?: Date;
}

export interface LabMilestone {
  labId: string;
  id: string;
  title: string;
  dueDate?: string;
  reached: boolean;
}

export type LabNoteKind = 'note' | 'decision';

export interface LabNote {
  labId: string;
  id: string;
  kind: LabNoteKind;
  text: string;
  author: string;
  at: Date;
}

/** A task with the etag the API hands out (`ETag`) and takes back (`If-Match`). */
export interface VersionedTask {
  task: LabTask;
  etag: string;
}

/** A lab's whole board, as one read returns it. */
export interface Board {
  tasks: VersionedTask[];
  milestones: LabMilestone[];
  /** Newest first. */
  notes: LabNote[];
}
