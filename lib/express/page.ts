import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AddonHandle } from '../core/handle';
import { PATHS } from '../core/paths';
import { hostScriptUrl } from '../core/ui/host-script';
import { pageScriptTags } from '../core/ui/page-scripts';
import { hipchatLocals, type HipChatLocals } from './authenticate';
import { requestBaseUrl } from './base-url';
import { nodeTokenCarrier } from '../http/token-carrier';
import { clientScript } from './client-script';
import { createErrorResponder } from '../http/error-response';
import { applyHeaders, pageHeaders } from '../http/security-headers';

/** What a page (webPanel, dialog, externalPage, configuration or admin page) finds on `res.locals.hipchat`. */
export interface PageLocals extends HipChatLocals {
  /** The host's JavaScript API (`HipChat.*`, alias `AP.*`). */
  hostScriptUrl: string;
  /** The add-on's client helper (`HipChatConnect`), versioned by its content hash. */
  clientScriptUrl: string;
  /** Both `<script>` tags, the page token riding on the helper's: put them in the page's `<head>`. */
  scripts: string;
}

declare global {
  namespace Express {
    /**
     * `res.locals.hipchat` as `addon.authenticate()` and `addon.page()` leave it, so a route after either
     * is typed without a cast. One type covers both, so the page-only fields are optional here; a
     * `PageHandler` has them all. On a route behind neither middleware it is undefined at run time.
     */
    interface Locals {
      hipchat: HipChatLocals & Partial<Omit<PageLocals, keyof HipChatLocals>>;
    }
  }
}

/** A page handler: an Express handler whose `res.locals.hipchat` is filled. */
export type PageHandler = (req: Request, res: Response<unknown, { hipchat: PageLocals }>, next: NextFunction) => unknown;

/**
 * Opens a page request: headers that let only the allowed hosts frame it, `no-store` (the URL carries a
 * one-time `signed_request` and the page a fresh token, so a stored copy could only leak), then the
 * token verified and the page's locals filled. Headers come first, so a refusal shows inside the frame.
 */
export function createPageOpener(handle: AddonHandle): (req: Request, res: Response) => Promise<PageLocals> {
  const headers = pageHeaders(handle.options.allowedHosts);
  return async (req, res) => {
    applyHeaders(res, headers);
    res.setHeader('cache-control', 'no-store');
    const locals = hipchatLocals(handle, await handle.verify(nodeTokenCarrier(req)));
    // Relative to where this request reached the add-on: mount the router and your own pages at one path, or set baseUrl.
    const clientScriptUrl = `${requestBaseUrl(req, handle.options.baseUrl)}${PATHS.clientScript}?v=${clientScript().version}`;
    const host = hostScriptUrl(locals.installation);
    const page: PageLocals = { ...locals, hostScriptUrl: host, clientScriptUrl, scripts: pageScriptTags({ hostScriptUrl: host, clientScriptUrl, token: locals.token }) };
    res.locals.hipchat = page;
    return page;
  };
}

/** `addon.page()`: the same, as middleware for the author's own page routes. */
export function createPageMiddleware(handle: AddonHandle): RequestHandler {
  const open = createPageOpener(handle);
  const respondWithError = createErrorResponder(handle.options.logger);
  return (req, res, next) => {
    open(req, res).then(() => next(), (error: unknown) => respondWithError(req, res, error));
  };
}
