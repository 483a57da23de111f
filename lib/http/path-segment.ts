import { ConnectError } from '../errors';

/** One decoded path segment; a malformed escape is the client's error, not a crash. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (cause) {
    throw new ConnectError('PAYLOAD_INVALID', 'The path is not validly percent-encoded', { cause });
  }
}
