import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';

const METHODS = ['all', 'get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * An Express router whose async routes hand a rejection to the error handler on Express 4 as on 5.
 * The emulator runs on the Express its user has (a peer dependency): Express 5 passes a rejected
 * route's error on by itself, Express 4 drops it and leaves the request waiting for ever.
 */
export function hostRouter(): Router {
  const router = Router();
  for (const method of METHODS) {
    const register = router[method].bind(router) as (path: unknown, ...handlers: unknown[]) => Router;
    (router as unknown as Record<string, unknown>)[method] = (path: unknown, ...handlers: unknown[]) =>
      register(path, ...handlers.map((handler) => (typeof handler === 'function' ? passRejections(handler as RequestHandler) : handler)));
  }
  return router;
}

function passRejections(handler: RequestHandler): RequestHandler {
  // Error handlers (four parameters) are told apart by their length: leave them as they are.
  if (handler.length === 4) return handler;
  return (req: Request, res: Response, next: NextFunction) => {
    const result: unknown = handler(req, res, next);
    if (result instanceof Promise) result.catch(next);
  };
}
