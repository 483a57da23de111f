import type { Descriptor } from '../core/descriptor';

/**
 * What changed between two descriptors, in words for the terminal: `added glance "status"`, `changed
 * scopes`. Empty when they are the same (keys in another order are the same). A list module is told by
 * its key, so a changed glance is one change, not a removal and an addition.
 */
export function descriptorChanges(before: Descriptor, after: Descriptor): string[] {
  const changes: string[] = [];
  const { capabilities: beforeCapabilities = {}, ...beforeTop } = before;
  const { capabilities: afterCapabilities = {}, ...afterTop } = after;
  compareMembers(beforeTop as Members, afterTop as Members, changes);
  compareMembers(beforeCapabilities as Members, afterCapabilities as Members, changes);
  return changes;
}

type Members = Record<string, unknown>;

function compareMembers(before: Members, after: Members, changes: string[]): void {
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
    const [was, is] = [before[name], after[name]];
    if (Array.isArray(was) || Array.isArray(is)) compareModules(name, asArray(was), asArray(is), changes);
    else if (was === undefined) changes.push(`added ${name}`);
    else if (is === undefined) changes.push(`removed ${name}`);
    else if (canonical(was) !== canonical(is)) changes.push(`changed ${name}`);
  }
}

function compareModules(kind: string, before: unknown[], after: unknown[], changes: string[]): void {
  const beforeByKey = new Map(before.map((module, index) => [keyOf(module, index), module]));
  const afterByKey = new Map(after.map((module, index) => [keyOf(module, index), module]));
  for (const [key, module] of afterByKey) {
    const previous = beforeByKey.get(key);
    if (previous === undefined) changes.push(`added ${kind} "${key}"`);
    else if (canonical(previous) !== canonical(module)) changes.push(`changed ${kind} "${key}"`);
  }
  for (const key of beforeByKey.keys()) if (!afterByKey.has(key)) changes.push(`removed ${kind} "${key}"`);
}

/** Modules carry a key; webhooks may not, and are then told by event and pattern. */
function keyOf(module: unknown, index: number): string {
  const fields = (typeof module === 'object' && module !== null ? module : {}) as Record<string, unknown>;
  if (typeof fields.key === 'string') return fields.key;
  if (typeof fields.event === 'string') return [fields.event, fields.pattern].filter((part) => typeof part === 'string').join(' ');
  return `#${index + 1}`;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** JSON with object keys sorted, so two equal descriptors built in another order compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) =>
    typeof member === 'object' && member !== null && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member);
}
