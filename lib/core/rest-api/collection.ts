/**
 * A page of any of the REST API's collections (docs/protocol.md#collections). The contract spells out one
 * collection per item type (`RoomCollection`, `MessageCollection`, …), all with these members; this is
 * their one shape over any item, so that one paginator reads them all and the emulator answers them all.
 * test/unit/core/rest-api/types.test.ts checks that it is each generated collection, item for item.
 */
export interface Collection<T> {
  items: T[];
  startIndex: number;
  maxResults: number;
  links: { self: string; next?: string };
}
