import { paginate, type PageOptions, type Paginated } from '../pagination';
import type { Requester } from '../requester';
import type { Emoticon } from '../types';

export interface EmoticonListOptions extends PageOptions {
  /** The group's own, HipChat's, or both (the default). */
  type?: 'group' | 'global' | 'all';
}

/** `client.emoticons` (scope view_group). */
export class Emoticons {
  constructor(private readonly api: Requester) {}

  list(options: EmoticonListOptions = {}): Paginated<Emoticon> {
    return paginate((page) => this.api.request('GET /emoticon', { query: { type: options.type, ...page } }), options);
  }

  /** By id or shortcut (`allthethings`). */
  get(emoticon: number | string): Promise<Emoticon> {
    return this.api.request('GET /emoticon/{emoticon}', { path: { emoticon } });
  }
}
