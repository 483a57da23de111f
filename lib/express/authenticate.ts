import type { RequestHandler } from 'express';
import type { Addon } from '../addon';
import type { Claims } from '../core/claims';
import type { Installation } from '../core/installation';
import { issuePageToken } from '../core/jwt/page-token';
import { tokenCarrier } from './carrier';
import { createErrorResponder } from '../http/error-response';

/** What `authenticate()` leaves on `res.locals.hipchat` for the author's route. */
export interface HipChatLocals {
  installation: Installation;
  claims: Claims;
  roomId: number | undefined;
  userId: string | undefined;
  /** A fresh token for the page's own XHR calls back to the add-on (`Authorization: JWT <token>`). */
  token: string;
}

/**
 * Verifies the JWT in any of its three places and fills `res.locals.hipchat`. A refusal is answered
 * here, with its code, so the author's route never runs unauthenticated.
 */
export function createAuthenticate(addon: Addon): RequestHandler {
  const { pageTokenTtlSeconds, now, logger } = addon.options;
  const respondWithError = createErrorResponder(logger);
  return (req, res, next) => {
    addon.verify(tokenCarrier(req)).then(({ installation, claims }) => {
      const hipchat: HipChatLocals = {
        installation,
        claims,
        roomId: roomIdOf(claims) ?? installation.roomId,
        userId: claims.sub,
        token: issuePageToken(installation, claims, pageTokenTtlSeconds, now()),
      };
      res.locals.hipchat = hipchat;
      next();
    }, (error: unknown) => respondWithError(req, res, error));
  };
}

function roomIdOf(claims: Claims): number | undefined {
  const roomId = Number(claims.context?.room_id);
  return Number.isInteger(roomId) && roomId > 0 ? roomId : undefined;
}
