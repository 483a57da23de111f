import { ConnectError } from '../../errors';
import type { Logger } from '../../logger';
import { describeProblems, problemsWith } from '../schemas';
import type { Viewer } from '../ui/viewer';
import type { GlanceData } from './types';

/** What a glance handler is told: who is looking, in which room, and a logger. */
export interface GlanceContext extends Viewer {
  /** The glance's module key. */
  key: string;
  logger: Logger;
}

export type GlanceHandler = (context: GlanceContext) => Promise<GlanceData> | GlanceData;

/**
 * Answers a verified glance query (docs/protocol.md#glance-query): runs the handler and checks its answer
 * against schemas/glance.schema.json before the host sees it. A failing handler or a bad answer is the
 * add-on's bug: logged here with the glance key, and answered as a coded 500 without the details.
 */
export async function queryGlance(key: string, handler: GlanceHandler, viewer: Viewer, logger: Logger): Promise<GlanceData> {
  const context: GlanceContext = Object.assign(viewer, { key, logger });
  let data: GlanceData;
  try {
    data = await handler(context);
  } catch (cause) {
    logger.error({ err: cause, glance: key, oauthId: viewer.installation.oauthId }, 'glance handler failed');
    throw new ConnectError('HANDLER_FAILED', 'The glance handler failed', { cause });
  }
  const problems = problemsWith('glance', data);
  if (problems.length > 0) {
    logger.error({ glance: key, problems: describeProblems(problems) }, 'glance handler answered invalid glance data');
    throw new ConnectError('GLANCE_INVALID', 'The glance handler answered data that is not valid glance data');
  }
  return data;
}

/** Checks glance data against the schema without a handler: for tests, and for content about to be pushed. */
export function glanceDataProblems(data: unknown) {
  return problemsWith('glance', data);
}
