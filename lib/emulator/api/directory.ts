import type { Router } from 'express';
import { ConnectError } from '../../errors';
import { EmulatorError } from '../emulator-error';
import { findEmoticon } from '../emoticons';
import type { Host } from '../host';
import { findUserByKey, userReference } from '../world';
import { access } from './auth';
import { booleanParameter, page } from './collection';
import { emoticonDetails, userDetails } from './representations';
import { hostRouter } from '../http/router';

/**
 * The group's directory (docs/protocol.md#api-calls, scope view_group): its users and its emoticons. The
 * seeded world has no guests and no deleted users, so `include-guests` and `include-deleted` change
 * nothing, but they are checked like any parameter.
 */
export function directoryRoutes(host: Host): Router {
  const router = hostRouter();
  const viewGroup = access(host, { scope: 'view_group' });

  router.get('/user', viewGroup, (req, res) => {
    booleanParameter(req, 'include-guests', false);
    booleanParameter(req, 'include-deleted', false);
    res.json(page(host, req, host.world.users.map((user) => userReference(user, host.urls.apiUrl))));
  });

  router.get('/user/:user', viewGroup, (req, res) => {
    const user = findUserByKey(host.world, String(req.params.user));
    if (!user) throw new EmulatorError('RESOURCE_NOT_FOUND', `User ${String(req.params.user)} not found`);
    res.json(userDetails(host, user));
  });

  router.get('/emoticon', viewGroup, (req, res) => {
    const type = req.query.type ?? 'all';
    if (type !== 'all' && type !== 'global' && type !== 'group') {
      throw new ConnectError('PAYLOAD_INVALID', 'type must be all, global or group', { details: { field: 'type' } });
    }
    const emoticons = host.emoticons.filter((emoticon) => type === 'all' || emoticon.type === type);
    res.json(page(host, req, emoticons.map((emoticon) => emoticonDetails(host, emoticon))));
  });

  router.get('/emoticon/:emoticon', viewGroup, (req, res) => {
    const emoticon = findEmoticon(host.emoticons, String(req.params.emoticon));
    if (!emoticon) throw new EmulatorError('RESOURCE_NOT_FOUND', `Emoticon ${String(req.params.emoticon)} not found`);
    res.json(emoticonDetails(host, emoticon));
  });

  return router;
}
