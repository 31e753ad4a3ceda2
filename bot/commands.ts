import type { MessageKey } from '../core/i18n/translator';
import type { TurnScope } from './turn';

/** A text command: anchored patterns in Italian and English, matched on normalised text. */
export interface CommandSpec {
  id: string;
  patterns: readonly RegExp[];
  /**
   * Natural phrasings that contain the command ("voglio vedere i miei risultati"), tried only
   * when no command matches whole. Each is unanchored, so it must exclude what would make it
   * mean something else (asking to see data must never match a request to delete it).
   */
  phrases?: readonly RegExp[];
  /** The words shown in help, from the Italian and English resources. */
  usageKey: MessageKey;
  descriptionKey: MessageKey;
  /** Private data: answered only in the 1:1 chat, never where others can read it. */
  personalOnly?: boolean;
  /** About the channel it is written in: offered in teams' menus only, not in the 1:1 chat's. */
  channelOnly?: boolean;
}

export interface Command extends CommandSpec {
  run(turn: TurnScope): Promise<void>;
}

/**
 * Lower-case, mention-free (a mention Teams did not mark as an entity, or "@óiBO" typed where the
 * client renders no mentions, such as the Agents Playground), without surrounding punctuation or
 * repeated spaces.
 */
export function normaliseCommandText(text: string): string {
  return text
    .toLowerCase()
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/^[\s\u00a0]*@[óo]ibo(?![\p{L}\p{N}])/u, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s!?.,;:/]+|[\s!?.,;:]+$/g, '')
    .trim();
}

/** The command the text is, else the first (in help order) whose phrasings it contains. */
export function findCommand<C extends CommandSpec>(
  commands: readonly C[],
  text: string,
): C | undefined {
  const normalised = normaliseCommandText(text);
  const matches = (patterns: readonly RegExp[] = []) =>
    patterns.some((pattern) => pattern.test(normalised));
  return (
    commands.find((command) => matches(command.patterns)) ??
    commands.find((command) => matches(command.phrases))
  );
}

/** Words that ask for deletion: a phrase that shows something must not match them. */
export const DELETION_WORDS = String.raw`cancell|elimin|rimuov|delet|eras|remov`;
