import { NO_DATA, verb } from '../../verbs';

/** Action.Execute verbs of the help feature, each with the schema of its data. */
export const HELP_VERBS = {
  /** The welcome card's "What I can do" button. */
  show: verb('help.show', NO_DATA),
};
