import type { Capabilities, Descriptor } from './types';

/** The capability members that are lists of modules (hipchatApiConsumer and installable are not modules). */
export const MODULE_LISTS = ['webhook', 'glance', 'webPanel', 'dialog', 'action', 'externalPage'] as const;
export type ModuleList = (typeof MODULE_LISTS)[number];

/** The capability members that are a single module. */
const SINGLE_MODULES = ['configurable', 'adminPage'] as const;

export interface KeyedModule {
  list: ModuleList;
  key: string;
  /** JSON Pointer to the module, for problem reports. */
  path: string;
}

/** Every module that has a key (webhooks may have none), in descriptor order. */
export function keyedModules(capabilities: Capabilities): KeyedModule[] {
  return MODULE_LISTS.flatMap((list) => {
    // The lists differ in element type but all carry an optional string key; read them through that view.
    const modules: ReadonlyArray<{ key?: string }> = capabilities[list] ?? [];
    return modules.flatMap((module, index) =>
      module.key === undefined ? [] : [{ list, key: module.key, path: `/capabilities/${list}/${index}` }],
    );
  });
}

/** How many modules a descriptor declares, for the CLI's summary line. */
export function countModules(descriptor: Descriptor): number {
  const capabilities = descriptor.capabilities ?? {};
  const listed = MODULE_LISTS.reduce((sum, list) => sum + (capabilities[list]?.length ?? 0), 0);
  return listed + SINGLE_MODULES.filter((member) => capabilities[member] !== undefined).length;
}
