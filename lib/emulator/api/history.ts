import type { Router } from 'express';
import { ConnectError } from '../../errors';
import type { HistoryMessage } from '../history';
import type { Host } from '../host';
import { access, roomIn } from './auth';
import { booleanParameter, integerParameter, MAX_RESULTS_LIMIT, page, selfLink } from './collection';
import { hostRouter } from '../http/router';

/**
 * Reading a room's history (docs/protocol.md#api-calls, scope view_messages). `history` pages back in time
 * from `date` (now by default): start-index 0 is the newest message, and `reverse` (true by default, as in
 * HipChat) shows each page oldest first. `history/latest` is the newest messages, from `not-before` on.
 * `timezone` is accepted and ignored: dates are always UTC with HipChat's explicit offset.
 */
export function historyRoutes(host: Host): Router {
  const router = hostRouter();
  const readable = access(host, { scope: 'view_messages', room: true });

  router.get('/room/:room/history', readable, (req, res) => {
    const before = dateParameter(req.query.date);
    const newestFirst = host.histories.room(roomIn(res).id).filter((message) => Date.parse(message.date) <= before).reverse();
    const answer = page(host, req, newestFirst);
    if (booleanParameter(req, 'reverse', true)) answer.items.reverse();
    res.json(answer);
  });

  router.get('/room/:room/history/latest', readable, (req, res) => {
    const history = host.histories.room(roomIn(res).id);
    const maxResults = integerParameter(req, 'max-results', 0, MAX_RESULTS_LIMIT, 100);
    const from = notBefore(history, req.query['not-before']);
    const latest = maxResults === 0 ? [] : history.slice(from).slice(-maxResults);
    res.json({ items: latest, startIndex: 0, maxResults, links: { self: selfLink(host, req) } });
  });

  return router;
}

/** Milliseconds of `date`: an ISO 8601 date, or `recent` (HipChat's word for now); now when absent. */
function dateParameter(given: unknown): number {
  if (given === undefined || given === 'recent') return Number.POSITIVE_INFINITY;
  const date = typeof given === 'string' ? Date.parse(given) : NaN;
  if (Number.isNaN(date)) throw new ConnectError('PAYLOAD_INVALID', 'date must be an ISO 8601 date or "recent"', { details: { field: 'date' } });
  return date;
}

/** The index of the `not-before` message, which the answer starts with; 0 when absent. */
function notBefore(history: readonly HistoryMessage[], given: unknown): number {
  if (given === undefined) return 0;
  const index = history.findIndex((message) => message.id === given);
  if (index < 0) throw new ConnectError('PAYLOAD_INVALID', 'not-before must be the id of a message in this room', { details: { field: 'not-before' } });
  return index;
}
