import type { RequestHandler } from 'express';
import type { Addon } from '../addon';
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
export function createAuthenticate(addon: Addon): RequestHandler {
  const respondWithError = createErrorResponder(addon.options.logger);
  return (req, res, next) => {
    addon.verify(nodeTokenCarrier(req)).then((verified) => {
      res.locals.hipchat = hipchatLocals(addon, verified);
      next();
    }, (error: unknown) => respondWithError(req, res, error));
  };
}

export function hipchatLocals(addon: Addon, verified: Verified): HipChatLocals {
  const { token } = issuePageToken(verified, pageTokenPolicy(addon.options), addon.options.now());
  return Object.assign(viewerOf(verified, addon.client), { token });
}
