import type { RequestHandler } from 'express';
import type { AddonHandle } from '../core/handle';
import { issuePageToken, pageTokenPolicy } from '../core/jwt/page-token';
import type { Verified } from '../core/jwt/verify';
import { viewerOf, type Viewer } from '../core/ui/viewer';
import { nodeTokenCarrier } from '../http/token-carrier';
import { createErrorResponder } from '../http/error-response';

/** What `authenticate()` leaves on `res.locals.hipchat` for the author's route. */
export interface HipChatLocals extends Viewer {
  /** A fresh token for the page's own XHR calls back to the add-on (`Authorization: JWT <token>`). */
  token: string;
}

/**
 * Verifies the JWT in any of its three places and fills `res.locals.hipchat`. A refusal is answered
 * here, with its code, so the author's route never runs unauthenticated.
 */
export function createAuthenticate(handle: AddonHandle): RequestHandler {
  const respondWithError = createErrorResponder(handle.options.logger);
  return (req, res, next) => {
    handle.verify(nodeTokenCarrier(req)).then((verified) => {
      res.locals.hipchat = hipchatLocals(handle, verified);
      next();
    }, (error: unknown) => respondWithError(req, res, error));
  };
}

export function hipchatLocals(handle: AddonHandle, verified: Verified): HipChatLocals {
  const { token } = issuePageToken(verified, pageTokenPolicy(handle.options), handle.options.now());
  return Object.assign(viewerOf(verified, handle.client), { token });
}
