import type { Request, Response, Router } from 'express';
import { problemsWith } from '../../core/schemas';
import { EmulatorError } from '../emulator-error';
import type { GlanceScope, GlanceState } from '../glances';
import type { Host } from '../host';
import { bodyOf, isObject, isString, oneOf, optional, required, type Check } from '../http/fields';
import { findUserByKey } from '../world';
import { access, callerIn, roomIn } from './auth';
import { hostRouter } from '../http/router';

const LOZENGE_TYPES = ['default', 'success', 'error', 'current', 'new', 'complete', 'moved'] as const;

/**
 * Glance pushes (docs/protocol.md#glance-pushes): an add-on token replaces the content of its own glances for
 * one room, one user or the whole group. The latest content per glance and scope is kept for the web UI, and
 * every push goes to the log.
 */
export function glanceRoutes(host: Host): Router {
  const router = hostRouter();
  const push = (scopeOf: (req: Request, res: Response) => GlanceScope) => (req: Request, res: Response) => {
    const scope = scopeOf(req, res);
    const { installation } = callerIn(res);
    if (!installation) throw new EmulatorError('ACCESS_FORBIDDEN', 'Only an add-on token can push glances');
    const declared = (installation.descriptor.capabilities?.glance ?? []).map((glance) => glance.key);
    const updates = required(bodyOf(req).glance, 'glance', isNonEmptyArray, 'a non-empty array of {key, content}');
    const states = updates.map((update, index): GlanceState => {
      const field = `glance/${index}`;
      const entry = required(update, field, isObject, 'an object {key, content}');
      const key = required(entry.key, `${field}/key`, oneOf(declared), `one of the add-on's glance keys (${declared.join(', ') || 'it declares none'})`);
      return {
        oauthId: installation.oauthId, addonKey: installation.descriptor.key, key, scope,
        content: glanceContent(entry.content, `${field}/content`), updatedAt: new Date(host.clock()).toISOString(),
      };
    });
    for (const state of states) {
      host.glances.put(state);
      host.log.glancePushes.push(state);
      host.feed.publish({ type: 'glance', glance: state });
    }
    res.status(204).end();
  };

  router.post('/addon/ui/room/:room', access(host, { scope: 'view_room', room: true, addonOnly: true }), push((_req, res) => ({ room: roomIn(res).id })));
  router.post('/addon/ui', access(host, { scope: 'view_group', groupWide: true, addonOnly: true }), push(() => ({ group: true })));
  router.post('/addon/ui/user/:user', access(host, { scope: 'view_group', addonOnly: true }), push((req) => {
    const user = findUserByKey(host.world, String(req.params.user));
    if (!user) throw new EmulatorError('RESOURCE_NOT_FOUND', `User ${String(req.params.user)} not found`);
    return { user: user.id };
  }));

  return router;
}

/** The label rule of schemas/glance.schema.json, which the web UI applies again before it shows a label. */
const isLabelHtml: Check<string> = (value): value is string => isString(value) && problemsWith('glance#/$defs/label', { type: 'html', value }).length === 0;

const isNonEmptyArray: Check<unknown[]> = (value): value is unknown[] => Array.isArray(value) && value.length > 0;

/**
 * `{label: {type: 'html', value}, status?: lozenge or icon, metadata?}` (docs/protocol.md#glance-content).
 */
function glanceContent(value: unknown, field: string): Record<string, unknown> {
  const content = required(value, field, isObject, 'an object {label, status?, metadata?}');
  const label = required(content.label, `${field}/label`, isObject, 'an object {type: "html", value}');
  required(label.type, `${field}/label/type`, oneOf(['html'] as const), 'html');
  required(label.value, `${field}/label/value`, isLabelHtml, 'HTML of 1 to 1000 characters with only <b>, <strong>, <em> and <i>, without attributes');
  const status = optional(content.status, `${field}/status`, isObject, 'an object {type, value}');
  if (status) {
    const type = required(status.type, `${field}/status/type`, oneOf(['lozenge', 'icon'] as const), 'lozenge or icon');
    const statusValue = required(status.value, `${field}/status/value`, isObject, 'an object');
    if (type === 'lozenge') {
      required(statusValue.label, `${field}/status/value/label`, isString, 'a string');
      required(statusValue.type, `${field}/status/value/type`, oneOf(LOZENGE_TYPES), LOZENGE_TYPES.join(', '));
    } else {
      required(statusValue.url, `${field}/status/value/url`, isString, 'a URL');
    }
  }
  optional(content.metadata, `${field}/metadata`, isObject, 'an object');
  return content;
}
