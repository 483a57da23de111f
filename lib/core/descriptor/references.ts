import type { SchemaProblem } from '../schemas';
import { keyedModules, type KeyedModule, type ModuleList } from './modules';
import type { Capabilities, ModuleTarget } from './types';

/**
 * The rules JSON Schema cannot express because they relate one module to another. They assume the
 * descriptor already passed the schema.
 */
export function referenceProblems(capabilities: Capabilities): SchemaProblem[] {
  const modules = keyedModules(capabilities);
  return [...duplicateKeys(modules), ...danglingTargets(capabilities, modules)];
}

/** The host addresses modules as "<add-on key>:<module key>", so two modules sharing a key collide. */
function duplicateKeys(modules: KeyedModule[]): SchemaProblem[] {
  const first = new Map<string, KeyedModule>();
  return modules.flatMap((module) => {
    const earlier = first.get(module.key);
    if (earlier === undefined) {
      first.set(module.key, module);
      return [];
    }
    return [{ path: `${module.path}/key`, rule: `must be unique: "${module.key}" is already the key of ${earlier.path}` }];
  });
}

/**
 * A glance or action can only open a page the host knows how to show (docs/protocol.md#targets-and-actions).
 */
const TARGETABLE: readonly ModuleList[] = ['webPanel', 'dialog', 'externalPage'];

function danglingTargets(capabilities: Capabilities, modules: KeyedModule[]): SchemaProblem[] {
  const openable = new Set(modules.filter((module) => TARGETABLE.includes(module.list)).map((module) => module.key));
  const targeting = [
    ...(capabilities.glance ?? []).map((glance, index) => ({ target: glance.target, path: `/capabilities/glance/${index}/target` })),
    ...(capabilities.action ?? []).map((action, index) => ({ target: action.target, path: `/capabilities/action/${index}/target` })),
  ];
  return targeting.flatMap(({ target, path }) => {
    if (target === undefined) return [];
    const { key, keyPath } = targetKey(target, path);
    return openable.has(key) ? [] : [{ path: keyPath, rule: `must name a webPanel, dialog or externalPage of this descriptor; "${key}" is none` }];
  });
}

function targetKey(target: ModuleTarget, path: string): { key: string; keyPath: string } {
  return typeof target === 'string' ? { key: target, keyPath: path } : { key: target.key, keyPath: `${path}/key` };
}
