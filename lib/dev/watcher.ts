import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';

/** One batch of saves: the files, relative to the project, and when the first of them was seen. */
export interface Changes {
  files: string[];
  firstSeenAt: number;
}

interface SourceWatcher {
  /** Resolves once the initial scan is done, so a save right after start is seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** Folders that are never the add-on's source: dependencies, builds, and dev's own store and state. */
const IGNORED_DIRS = new Set(['node_modules', 'dist', 'build', 'coverage', 'test', 'tests', '__tests__', 'test-output']);
/** Tests and docs change without changing what the add-on serves. */
const IGNORED_FILES = /(?:\.(?:test|spec)\.[cm]?[jt]sx?|\.md|~|\.swp|\.tmp)$/;

/**
 * Watches the project for saves that change the add-on, and reports them in batches: an editor's save
 * (or a `git checkout`) touches several files at once, and one restart should follow, not several.
 * Dot-folders (.git, .hipchat-connect with the file store) are ignored, so the add-on's own writes
 * never restart it.
 */
export function watchSource(projectDir: string, onChanges: (changes: Changes) => void, quietMs = 150): SourceWatcher {
  const ignored = (file: string): boolean => {
    const relative = path.relative(projectDir, file);
    if (relative === '') return false;
    const parts = relative.split(path.sep);
    return parts.some((part) => part.startsWith('.') || IGNORED_DIRS.has(part)) || IGNORED_FILES.test(relative);
  };
  const watcher: FSWatcher = watch(projectDir, { ignored, ignoreInitial: true, atomic: true });
  let batch: Changes | undefined;
  let timer: NodeJS.Timeout | undefined;
  const seen = (file: string): void => {
    batch ??= { files: [], firstSeenAt: Date.now() };
    const relative = path.relative(projectDir, file);
    if (!batch.files.includes(relative)) batch.files.push(relative);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const done = batch!;
      batch = undefined;
      onChanges(done);
    }, quietMs);
  };
  watcher.on('add', seen).on('change', seen).on('unlink', seen);
  return {
    ready: new Promise((resolve) => watcher.once('ready', () => resolve())),
    async close() {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
