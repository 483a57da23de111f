import { ConnectError } from '../errors';
import type { Collection } from '../core/rest-api/collection';
import type { Query } from './api-url';

export type { Collection };

export interface PageOptions {
  /** Where the first page starts. Default 0. */
  startIndex?: number;
  /** Items per page, at most 1000. The host's default is 100. */
  maxResults?: number;
}

/**
 * A collection, read lazily: iterate it with `for await` to get every item, page after page, or ask for
 * one page. Nothing is requested until one of these is used.
 */
export interface Paginated<T> extends AsyncIterable<T> {
  /** One page: the first, or the one at `startIndex`. */
  page(startIndex?: number): Promise<Collection<T>>;
  /** Every page in turn. */
  pages(): AsyncIterable<Collection<T>>;
}

const MAX_RESULTS = 1000;

/** `fetchPage` gets the query of one page (`start-index`, `max-results`) and answers the collection. */
export function paginate<T>(fetchPage: (query: Query) => Promise<Collection<T>>, options: PageOptions = {}): Paginated<T> {
  const { startIndex = 0, maxResults } = options;
  if (!Number.isInteger(startIndex) || startIndex < 0) throw invalidPaging('startIndex', 'a whole number of at least 0');
  if (maxResults !== undefined && !(Number.isInteger(maxResults) && maxResults >= 1 && maxResults <= MAX_RESULTS)) {
    throw invalidPaging('maxResults', `a whole number from 1 to ${MAX_RESULTS}`);
  }
  const page = async (start = startIndex): Promise<Collection<T>> => checked(await fetchPage({ 'start-index': start, 'max-results': maxResults }));
  async function* pages(): AsyncGenerator<Collection<T>> {
    for (let start: number | undefined = startIndex; start !== undefined; ) {
      const current = await page(start);
      yield current;
      start = nextStartIndex(current, start, maxResults);
    }
  }
  return {
    page,
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const current of pages()) yield* current.items;
    },
  };
}

/** A page as a host may really answer it: the contract's members, any but `items` perhaps left out. */
export type HostPage = Pick<Collection<unknown>, 'items'> & Partial<Pick<Collection<unknown>, 'startIndex' | 'maxResults'>> & {
  links?: Partial<Collection<unknown>['links']>;
};

/**
 * Where the page after `page` starts, or undefined after the last. `links.next` says whether there is
 * more; without links, a full page suggests there may be. The start is always computed, never read
 * from the link, so the token only ever goes to the address the client was made for. A host that
 * answers another start index than the one asked for has ignored it, and asking on would never end.
 */
export function nextStartIndex(page: HostPage, requested: number, maxResults?: number): number | undefined {
  if (page.items.length === 0) return undefined;
  if (typeof page.startIndex === 'number' && page.startIndex !== requested) return undefined;
  const more = page.links ? page.links.next !== undefined : page.items.length >= (page.maxResults ?? maxResults ?? 100);
  return more ? requested + page.items.length : undefined;
}

function checked<T>(page: Collection<T>): Collection<T> {
  if (!Array.isArray(page?.items)) {
    throw new ConnectError('HIPCHAT_API_ERROR', 'HipChat answered a collection without an items array', { details: { status: 200 } });
  }
  return page;
}

function invalidPaging(option: string, rule: string): ConnectError {
  return new ConnectError('REQUEST_INVALID', `${option} must be ${rule}`, { details: { option } });
}
