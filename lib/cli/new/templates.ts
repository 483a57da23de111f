import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Folders of `templates/` whose name starts with `_` are layers, not templates: files several templates
 * share (tsconfig, jest config, the store), named by each template's manifest.
 */
const LAYER_PREFIX = '_';

export const MANIFEST_FILE = 'template.json';

/**
 * The package's root (the folder of its package.json, which holds `templates/`), found upward from here
 * so that it works from `lib/` in this repository and from `dist/lib/` in an installed package.
 */
function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'templates', 'addon', MANIFEST_FILE))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('hipchat-connect: templates/ not found beside the package');
    dir = parent;
  }
  return dir;
}

export function templatesDir(): string {
  return path.join(packageRoot(), 'templates');
}

/** The templates `new` offers: every folder of `templates/` but the layers, `addon` first. */
export function templateNames(): string[] {
  const names = readdirSync(templatesDir(), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith(LAYER_PREFIX))
    .map((entry) => entry.name);
  return names.sort((a, b) => Number(b === 'addon') - Number(a === 'addon') || a.localeCompare(b));
}

/** `templates/<name>/template.json`: what `new` knows of a template. It is not copied into the project. */
interface TemplateManifest {
  /** One line for the prompt and `--help`. */
  summary: string;
  /** The scopes the template's code needs, the default of `--scopes`. */
  scopes: string[];
  /** The layers under the template's own files, in order; a later file of the same name replaces an earlier one. */
  layers: string[];
  /** Posts with a room or personal token and is never installed: no descriptor, so no key, scopes or vendor. */
  tokenOnly?: boolean;
}

export function templateManifest(name: string): TemplateManifest {
  return JSON.parse(readFileSync(path.join(templatesDir(), name, MANIFEST_FILE), 'utf8')) as TemplateManifest;
}
