/**
 * A public URL in front of the add-on's port. Everything dev knows of tunnels is this: where it
 * points the world, what opened it (for the terminal), and how to close it. ngrok, a URL the author
 * gives, and a running ngrok agent each produce one; tests stand a loopback reverse proxy behind it.
 */
export interface Tunnel {
  /** The public base URL, no trailing slash: what the add-on puts in its descriptor. */
  readonly url: string;
  /** Says where the URL came from: "ngrok (@ngrok/ngrok)", "--tunnel-url", "the ngrok agent at …". */
  readonly source: string;
  close(): Promise<void>;
}

/** A tunnel dev did not open, so closing it is not dev's business. */
export function borrowedTunnel(url: string, source: string): Tunnel {
  return { url: url.replace(/\/+$/, ''), source, close: async () => {} };
}
