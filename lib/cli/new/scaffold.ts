import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fillPlaceholders, type PlaceholderValues } from './fill';
import { MANIFEST_FILE, templateManifest, templatesDir } from './templates';

/**
 * npm leaves `.gitignore` out of a package it packs, so templates keep theirs as `gitignore`; it gets
 * its dot back in the project.
 */
const RENAMED: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

/** One file of the project to write: where it goes (relative to the project) and where it comes from. */
interface PlannedFile {
  target: string;
  source: string;
}

/**
 * The files of a project from a template: its manifest's layers, then the template's own files over
 * them (a template replaces a layer's file by having one of the same name). The manifest stays behind.
 */
export async function planProject(template: string): Promise<PlannedFile[]> {
  const planned = new Map<string, PlannedFile>();
  for (const layer of [...templateManifest(template).layers, template]) {
    const root = path.join(templatesDir(), layer);
    for (const relative of await filesUnder(root)) {
      if (relative === MANIFEST_FILE) continue;
      const target = path.join(path.dirname(relative), RENAMED[path.basename(relative)] ?? path.basename(relative));
      planned.set(target, { target, source: path.join(root, relative) });
    }
  }
  return [...planned.values()].sort((a, b) => a.target.localeCompare(b.target));
}

/** Writes the planned files into `directory` (created if missing), placeholders filled; returns their paths. */
export async function writeProject(directory: string, files: readonly PlannedFile[], values: PlaceholderValues): Promise<string[]> {
  for (const file of files) {
    const destination = path.join(directory, file.target);
    await mkdir(path.dirname(destination), { recursive: true });
    await writeFile(destination, fillPlaceholders(await readFile(file.source, 'utf8'), file.target, values));
  }
  return files.map((file) => file.target);
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}
