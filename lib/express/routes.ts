import type { Request, Response } from 'express';
import { decodeSegment } from '../http/path-segment';

export type RouteHandler = (req: Request, res: Response, next: () => void, param: string) => Promise<void> | void;

/**
 * The add-on's few fixed routes, matched by method and path in a table: a plain middleware rather than
 * an Express Router, whose per-request layer machinery is a measurable share of the webhook hot path.
 * A route may end in one parameter segment (`/installable/:oauthId`), handed over decoded.
 */
export class RouteTable {
  private readonly exact = new Map<string, RouteHandler>();
  private readonly prefixed = new Map<string, RouteHandler>();

  add(method: string, path: string, handler: RouteHandler): void {
    if (path.endsWith('/:param')) this.prefixed.set(`${method} ${path.slice(0, -'/:param'.length)}`, handler);
    else this.exact.set(`${method} ${path}`, handler);
  }

  /** The route's handler and its parameter, or undefined when the request is not one of ours. */
  match(method: string, path: string): { handler: RouteHandler; param: string } | undefined {
    const handler = this.exact.get(`${method} ${path}`);
    if (handler) return { handler, param: '' };
    const slash = path.lastIndexOf('/');
    const parent = this.prefixed.get(`${method} ${path.slice(0, slash)}`);
    if (!parent || slash === path.length - 1) return undefined;
    return { handler: parent, param: decodeSegment(path.slice(slash + 1)) };
  }
}
