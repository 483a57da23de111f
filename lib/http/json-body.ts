import type { IncomingMessage } from 'node:http';
import { ConnectError } from '../errors';
import { deadlinesFor } from './deadlines';

/**
 * Reads a JSON body with a size limit and a time limit of its own (Node's are minutes long, and a
 * client trickling a body ties up its request all that time). Hand-written rather than `express.json()`
 * because this is the hot path of every webhook, and the generic parser (type-is, charset decoding
 * through iconv, option handling per request) is a large share of its cost; a webhook is always UTF-8
 * JSON, sent as it is: a compressed body is refused for what it is rather than parsed as broken JSON.
 */
export function readJsonBody(
  req: IncomingMessage & { body?: unknown; _body?: boolean }, limitBytes: number, timeoutMs: number,
): Promise<unknown> {
  // An app that already parsed the body (express.json() mounted before us) has consumed the stream.
  if (req._body === true || (req.body !== undefined && req.readableEnded)) return Promise.resolve(req.body);
  const type = req.headers['content-type'];
  if (type === undefined || !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    req.resume();
    return Promise.reject(new ConnectError('BODY_UNSUPPORTED_TYPE', 'Content-Type must be application/json'));
  }
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding !== undefined && encoding !== '' && encoding !== 'identity') {
    req.resume();
    return Promise.reject(new ConnectError('BODY_UNSUPPORTED_ENCODING', 'Content-Encoding must be identity (an uncompressed body)', { details: { encoding } }));
  }
  const declared = Number(req.headers['content-length']);
  if (declared > limitBytes) {
    req.resume();
    return Promise.reject(tooLarge(limitBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    const fail = (error: ConnectError) => {
      failed = true;
      stopClock();
      reject(error);
      chunks.length = 0;
      req.removeAllListeners('data');
      req.resume();
    };
    const stopClock = deadlinesFor(timeoutMs).start(() => fail(new ConnectError('BODY_TIMEOUT', `The request body did not arrive within ${timeoutMs} ms`, { details: { timeoutMs } })));
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) fail(tooLarge(limitBytes));
      else chunks.push(chunk);
    });
    req.on('error', (cause) => fail(new ConnectError('BODY_MALFORMED', 'The request body could not be read', { cause })));
    req.on('end', () => {
      stopClock();
      if (failed) return;
      try {
        const body: unknown = JSON.parse(chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8'));
        req.body = body;
        req._body = true;
        resolve(body);
      } catch (cause) {
        reject(new ConnectError('BODY_MALFORMED', 'The request body is not valid JSON', { cause }));
      }
    });
  });
}

function tooLarge(limitBytes: number): ConnectError {
  return new ConnectError('BODY_TOO_LARGE', `The request body is larger than ${limitBytes} bytes`, { details: { limitBytes } });
}
