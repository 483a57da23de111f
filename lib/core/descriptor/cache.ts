import { LRUCache } from 'lru-cache';

/**
 * The served descriptor depends on the base URL, which may come from each request's Host header; a
 * small bounded cache keeps building it off the hot path without letting forged hosts grow memory.
 */
export class DescriptorCache<T extends object> {
  private readonly cache = new LRUCache<string, T>({ max: 16 });

  constructor(private readonly build: (baseUrl: string) => T) {}

  get(baseUrl: string): T {
    let descriptor = this.cache.get(baseUrl);
    if (!descriptor) {
      descriptor = this.build(baseUrl);
      this.cache.set(baseUrl, descriptor);
    }
    return descriptor;
  }

  clear(): void {
    this.cache.clear();
  }
}
