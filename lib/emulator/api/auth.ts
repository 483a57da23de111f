import type { Request, RequestHandler, Response } from 'express';
import { ConnectError } from '../../errors';
import { EmulatorError } from '../emulator-error';
import type { Host, InstalledAddon } from '../host';
import { addonName } from '../listeners';
import type { TokenGrant } from '../token-registry';
import { findRoom, findUser, type Room, type User } from '../world';
import { setLimitHeaders } from './limits';

/** Who is calling: the token's grant, and what it stands for. */
export interface Caller {
  grant: TokenGrant;
  /** The user a personal token acts as. */
  user?: User;
  /** The installation behind an add-on token. */
  installation?: InstalledAddon;
  /** Whom notifications, and an integration's messages, come from. */
  name: string;
}

/** What a call needs (docs/protocol.md#api-calls), declared next to each route. */
interface Requirement {
  /** The scope the call needs; given several, any one of them will do (`view_room` or `view_group`). */
  scope: string | readonly string[];
  /** The call acts on the room of the `:room` path parameter. */
  room?: boolean;
  /** The call acts on the whole group, which a room installation or a room token cannot reach. */
  groupWide?: boolean;
  /** Only an add-on token may make it (glance pushes update the add-on's own glances). */
  addonOnly?: boolean;
}

/**
 * The gate in front of every REST route: the token (a Bearer header or `?auth_token=`), the rate limit,
 * the scope, the room, and `auth_test=true`, which answers 202 once all of them let the call through.
 * A missing scope is a 401 because HipChat documented it so ("a token that lacks access"); reaching
 * beyond the token's room is a 403, since the token itself is fine.
 */
export function access(host: Host, requirement: Requirement): RequestHandler {
  return (req, res, next) => {
    const grant = grantOf(host, req);
    const window = host.rateLimits.take(grant.token);
    setLimitHeaders(res, 'X-Ratelimit', window);
    if (!window.allowed) throw new EmulatorError('RATE_LIMITED', `Rate limit of ${window.limit} requests exceeded; it resets at ${window.reset}`);
    const accepted = typeof requirement.scope === 'string' ? [requirement.scope] : requirement.scope;
    if (!accepted.some((scope) => grant.scopes.includes(scope))) {
      const named = accepted.join(' or ');
      throw new EmulatorError('SCOPE_MISSING', `This call requires the ${named} scope`, { details: { scope: named } });
    }
    const caller = callerOf(host, grant);
    if (requirement.addonOnly && !caller.installation) throw forbidden('Only an add-on token can make this call');
    if (requirement.groupWide && roomBound(grant) !== undefined) throw forbidden('This token is bound to one room and cannot act on the whole group');
    res.locals.caller = caller;
    if (requirement.room) res.locals.room = reachableRoom(host, caller, String(req.params.room));
    if (req.query.auth_test === 'true') {
      res.status(202).end();
      return;
    }
    next();
  };
}

function grantOf(host: Host, req: Request) {
  const token = bearerToken(req.get('authorization')) ?? (typeof req.query.auth_token === 'string' ? req.query.auth_token : undefined);
  if (token === undefined || token === '') throw new EmulatorError('TOKEN_MISSING', 'Authenticated requests only: send Authorization: Bearer <token> or ?auth_token=');
  const grant = host.tokens.lookup(token);
  if (!grant) throw new EmulatorError('TOKEN_INVALID', 'The access token is unknown, expired or revoked');
  return grant;
}

function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
}

function callerOf(host: Host, grant: TokenGrant): Caller {
  switch (grant.kind) {
    case 'addon': {
      const installation = host.installations.get(grant.oauthId);
      return { grant, installation, name: installation ? addonName(installation) : 'Add-on' };
    }
    case 'room':
      return { grant, name: grant.label };
    case 'personal': {
      const user = findUser(host.world, grant.userId);
      return { grant, user, name: user?.name ?? 'User' };
    }
  }
}

/** The one room a room installation's token or a room token may reach. */
function roomBound(grant: TokenGrant): number | undefined {
  return grant.kind === 'personal' ? undefined : grant.roomId;
}

function reachableRoom(host: Host, caller: Caller, idOrName: string): Room {
  const room = findRoom(host.world, idOrName);
  if (!room) throw new EmulatorError('RESOURCE_NOT_FOUND', `Room ${idOrName} not found`);
  const bound = roomBound(caller.grant);
  if (bound !== undefined && bound !== room.id) throw forbidden(`This token may only reach room ${bound}`);
  if (caller.user && room.privacy === 'private' && !room.participants.includes(caller.user.id)) {
    throw forbidden(`${caller.user.name} is not a member of the private room ${room.name}`);
  }
  return room;
}

function forbidden(message: string): EmulatorError {
  return new EmulatorError('ACCESS_FORBIDDEN', message);
}

export function callerIn(res: Response): Caller {
  return res.locals.caller as Caller;
}

export function roomIn(res: Response): Room {
  return res.locals.room as Room;
}

/** The user who acts, for a webhook's `sub` and an event's `sender`: the token's user, else the room's owner. */
export function actingUser(host: Host, caller: Caller, room: Room): User {
  return caller.user ?? findUser(host.world, room.owner) ?? (host.world.users[0] as User);
}
