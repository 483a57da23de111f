/**
 * Gives `target` a member made on first read and kept: a handler that never uses it never pays for it,
 * which matters for what every webhook's context offers.
 */
export function withLazy<T extends object, K extends string, V>(target: T, name: K, make: () => V): T & Record<K, V> {
  let value: V | undefined;
  let made = false;
  return Object.defineProperty(target, name, {
    enumerable: true,
    get: () => {
      if (!made) {
        value = make();
        made = true;
      }
      return value;
    },
  }) as T & Record<K, V>;
}
