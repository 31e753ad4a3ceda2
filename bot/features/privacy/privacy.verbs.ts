import { NO_DATA, verb } from '../../verbs';

/** Action.Execute verbs of the privacy cards, each with the schema of its data. */
export const PRIVACY_VERBS = {
  erase: verb('privacy.erase', NO_DATA),
  keep: verb('privacy.keep', NO_DATA),
};
