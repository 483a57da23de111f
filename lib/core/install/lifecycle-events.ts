import type { Installation } from '../installation';

export interface LifecycleEventMap {
  /** A new installation is stored; throwing here rolls the install back and the host sees a 500. */
  installed: { installation: Installation };
  /** An installation was installed again or updated; `previous` is what was stored before. */
  updated: { installation: Installation; previous: Installation };
  /** The installation and everything stored for it are gone; the host already removed its client. */
  uninstalled: { installation: Installation };
}

export type LifecycleEventName = keyof LifecycleEventMap;
export type LifecycleListener<E extends LifecycleEventName> = (event: LifecycleEventMap[E]) => unknown;

/**
 * Listeners for the installation lifecycle, awaited one after another in the order they were added, so
 * an author can provision per-installation data before the host hears that the install succeeded.
 */
export class LifecycleEvents {
  private readonly listeners: { [E in LifecycleEventName]: LifecycleListener<E>[] } = { installed: [], updated: [], uninstalled: [] };

  on<E extends LifecycleEventName>(name: E, listener: LifecycleListener<E>): void {
    this.listeners[name].push(listener);
  }

  async emit<E extends LifecycleEventName>(name: E, event: LifecycleEventMap[E]): Promise<void> {
    for (const listener of this.listeners[name]) await listener(event);
  }
}
