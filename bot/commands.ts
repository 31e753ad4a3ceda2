import type { MessageKey } from '../core/i18n/translator';
import type { TurnScope } from './turn';

/** A text command: anchored patterns in Italian and English, matched on normalised text. */
export interface CommandSpec {
  id: string;
  patterns: readonly RegExp[];
  /** The words shown in help, from the Italian and English resources. */
  usageKey: MessageKey;
  descriptionKey: MessageKey;
  /** Private data: answered only in the 1:1 chat, never where others can read it. */
  personalOnly?: boolean;
}

export interface Command extends CommandSpec {
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

export function findCommand<C extends CommandSpec>(
  commands: readonly C[],
  text: string,
): C | undefined {
  const normalised = normaliseCommandText(text);
  return commands.find((command) => command.patterns.some((pattern) => pattern.test(normalised)));
}
