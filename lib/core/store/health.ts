import { ConnectError, isConnectError } from '../../errors';
import type { Store } from './store';

/** What `GET /healthz` answers while the add-on can serve. */
export interface Health {
  status: 'ok';
  store: 'ok';
}

/** An oauthId no host issues (they match the install schema's character set, which has no colon). */
const PROBE_ID = 'hipchat-connect:healthz';

/**
 * Whether the store answers a read, within `timeoutMs`: a store that is down or hangs makes the add-on
 * unable to verify any request, which is what a load balancer needs to hear (503 STORE_UNAVAILABLE).
 * A value read rather than a PING, so that it is the path every request takes, on every kind of store.
 */
export async function checkHealth(store: Store, timeoutMs: number): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([store.getValue(PROBE_ID, 'probe'), timedOut]);
    return { status: 'ok', store: 'ok' };
  } catch (cause) {
    if (isConnectError(cause, 'STORE_UNAVAILABLE')) throw cause;
    throw new ConnectError('STORE_UNAVAILABLE', 'The store does not answer', { cause });
  } finally {
    clearTimeout(timer);
  }
}
