import type { Request, Response } from 'express';
import { decodeSegment } from '../http/path-segment';

type RouteHandler = (req: Request, res: Response, next: () => void, param: string) => Promise<void> | void;

interface Route {
  handler: RouteHandler;
  /** The route writes the security headers itself (the webhook endpoint), so the router does not set them first. */
  ownsHeaders: boolean;
}

/**
 * The add-on's few fixed routes, matched by method and path in a table: a plain middleware rather than
 * an Express Router, whose per-request layer machinery is a measurable share of the webhook hot path.
 * A route may end in one parameter segment (`/webhooks/:key`), handed over decoded.
 */
export class RouteTable {
  private readonly exact = new Map<string, Route>();
  private readonly prefixed = new Map<string, Route>();

  add(method: string, path: string, handler: RouteHandler, { ownsHeaders = false } = {}): void {
    const route = { handler, ownsHeaders };
    if (path.endsWith('/:param')) this.prefixed.set(`${method} ${path.slice(0, -'/:param'.length)}`, route);
    else this.exact.set(`${method} ${path}`, route);
  }

  /** The route and its parameter, or undefined when the request is not one of ours. */
  match(method: string, path: string): (Route & { param: string }) | undefined {
    const route = this.exact.get(`${method} ${path}`);
    if (route) return { ...route, param: '' };
    const slash = path.lastIndexOf('/');
    const parent = this.prefixed.get(`${method} ${path.slice(0, slash)}`);
    if (!parent || slash === path.length - 1) return undefined;
    return { ...parent, param: decodeSegment(path.slice(slash + 1)) };
  }
}
