import type { MessageKey } from '../core/i18n/translator';
import type { TurnScope } from './turn';

/** A text command: anchored patterns in Italian and English, matched on normalised text. */
export interface Command {
  id: string;
  patterns: RegExp[];
  /** The words shown in help, Italian and English resources. */
  usageKey: MessageKey;
  descriptionKey: MessageKey;
  run(turn: TurnScope): Promise<void>;
}

/** Lower-case, mention-free, without surrounding punctuation or repeated spaces. */
export function normaliseCommandText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s!?.,;:/]+|[\s!?.,;:]+$/g, '')
    .trim();
}

export function findCommand(commands: readonly Command[], text: string): Command | undefined {
  const normalised = normaliseCommandText(text);
  return commands.find((command) => command.patterns.some((pattern) => pattern.test(normalised)));
}
