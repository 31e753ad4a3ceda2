import users from '../../../../content/demo/playground-users.json';
import type { DemoPersona } from './teams-context';

/** The synthetic people of the local demo directory (the same file the server loads). */
export const demoPersonas: readonly DemoPersona[] = users.map((user) => ({
  objectId: user.objectId,
  displayName: user.displayName,
  roles: user.roles,
  manager: user.manager,
}));
