import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The installed package's version, from its package.json: the nearest one above this file that is
 * hipchat-connect's, so it is found from the sources (lib/cli) and from the build (dist/lib/cli) alike.
 */
export function packageVersion(from = __dirname): string {
  for (let folder = from; ; folder = path.dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'hipchat-connect' && manifest.version) return manifest.version;
    } catch {
      // No package.json here, or not one we can read: look further up.
    }
    if (path.dirname(folder) === folder) return 'unknown';
  }
}
