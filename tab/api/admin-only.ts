import { authorize } from './auth/identity';
import type { Handler } from './route';

/** A handler for admins only: anyone else gets 403 before it runs. */
export const adminOnly =
  (handler: Handler): Handler =>
  async (call) => {
    authorize(call.identity, 'admin');
    await handler(call);
  };
