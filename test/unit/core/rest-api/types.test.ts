import type { Collection } from '../../../../lib/core/rest-api/collection';
import type { components } from '../../../../lib/core/rest-api/openapi';
import { expectGeneratedUpToDate } from '../../../support/generated';

it('the REST API types are what the OpenAPI document and its overlay generate', () => {
  expectGeneratedUpToDate('scripts/generate-rest-api-types.ts', 'lib/core/rest-api/openapi.ts');
});

type Schemas = components['schemas'];
type CollectionName = Extract<keyof Schemas, `${string}Collection`>;
/** True only for two types that are the same both ways (not merely assignable one way). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
type ItemOf<C> = C extends { items: Array<infer Item> } ? Item : never;

// A compile error here names the generated collection that the one hand-written generic no longer matches.
const matches = {
  RoomCollection: true, MessageCollection: true, UserCollection: true, WebhookCollection: true, EmoticonCollection: true,
} satisfies { [Name in CollectionName]: Same<Collection<ItemOf<Schemas[Name]>>, Schemas[Name]> };

it('the one Collection<T> is each collection of the contract, over its own item', () => {
  expect(Object.keys(matches).sort()).toEqual(['EmoticonCollection', 'MessageCollection', 'RoomCollection', 'UserCollection', 'WebhookCollection']);
});
