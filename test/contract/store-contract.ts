import type { Installation } from '../../lib/core/installation';
import type { Store } from '../../lib/core/store';
import { isConnectError } from '../../lib/errors';
import { fakeInstallation } from '../support/installations';

export interface StoreFixture {
  store: Store;
  cleanup(): Promise<void>;
  /** Moves the store's clock forward. Stores on real time leave it out and the suite waits instead. */
  advance?(ms: number): Promise<void>;
}

let sequence = 0;

/** A group installation with an oauthId of its own, so tests never see each other's records. */
export function makeInstallation(overrides: Partial<Installation> = {}): Installation {
  sequence += 1;
  const { roomId: _groupInstall, ...installation } = fakeInstallation({
    oauthId: `oauth-${process.pid}-${sequence}-${Math.random().toString(36).slice(2)}`,
    oauthSecret: `secret-${sequence}`,
  });
  return { ...installation, ...overrides };
}

/**
 * What every Store must do, run against each implementation so that code tested with the MemoryStore
 * behaves the same on the FileStore and on Redis. Each test gets a fresh store from `makeStore`.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`${name} (Store contract)`, () => {
    let fixture: StoreFixture;
    let store: Store;
    const later = (ms: number) => fixture.advance?.(ms) ?? new Promise((resolve) => setTimeout(resolve, ms));

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });
    afterEach(() => fixture.cleanup());

    describe('installations', () => {
      it('answers undefined for an unknown installation', async () => {
        await expect(store.fetchInstallation('never-installed')).resolves.toBeUndefined();
      });

      it('returns what was stored, for group and room installations', async () => {
        const group = makeInstallation();
        const room = makeInstallation({ roomId: 42, updatedAt: new Date(1000).toISOString() });
        await store.storeInstallation(group);
        await store.storeInstallation(room);
        await expect(store.fetchInstallation(group.oauthId)).resolves.toEqual(group);
        await expect(store.fetchInstallation(room.oauthId)).resolves.toEqual(room);
      });

      it('replaces a record stored under the same oauthId, dropping fields the new one lacks', async () => {
        const first = makeInstallation({ roomId: 7 });
        const { roomId: _dropped, ...second } = { ...first, oauthSecret: 'rotated', groupName: 'Renamed' };
        await store.storeInstallation(first);
        await store.storeInstallation(second);
        await expect(store.fetchInstallation(first.oauthId)).resolves.toEqual(second);
      });

      it('hands out copies: editing a stored or fetched record changes nothing in the store', async () => {
        const installation = makeInstallation();
        const original = { ...installation };
        await store.storeInstallation(installation);
        installation.oauthSecret = 'edited after storing';
        const fetched = await store.fetchInstallation(original.oauthId);
        if (fetched) fetched.oauthSecret = 'edited after fetching';
        await expect(store.fetchInstallation(original.oauthId)).resolves.toEqual(original);
      });

      it('deletes the installation and every value it owns, and nothing of another installation', async () => {
        const doomed = makeInstallation();
        const kept = makeInstallation();
        for (const { oauthId } of [doomed, kept]) {
          await store.storeInstallation({ ...doomed, oauthId });
          await store.setValue(oauthId, 'token:send_notification', 'abc');
          await store.setValue(oauthId, 'settings', '{"units":"metric"}');
          await store.setValue(oauthId, 'lock:token', 'holder', { ttlMs: 60_000, ifAbsent: true });
        }
        await store.deleteInstallation(doomed.oauthId);
        await expect(store.fetchInstallation(doomed.oauthId)).resolves.toBeUndefined();
        for (const key of ['token:send_notification', 'settings', 'lock:token']) {
          await expect(store.getValue(doomed.oauthId, key)).resolves.toBeUndefined();
        }
        await expect(store.fetchInstallation(kept.oauthId)).resolves.toEqual({ ...doomed, oauthId: kept.oauthId });
        await expect(store.getValue(kept.oauthId, 'settings')).resolves.toBe('{"units":"metric"}');
        await expect(store.getValue(kept.oauthId, 'lock:token')).resolves.toBe('holder');
      });

      it('deletes values even when the installation record itself was never stored', async () => {
        await store.setValue('values-only', 'key', 'value');
        await store.deleteInstallation('values-only');
        await expect(store.getValue('values-only', 'key')).resolves.toBeUndefined();
      });

      it('accepts deleting an unknown installation', async () => {
        await expect(store.deleteInstallation('never-installed')).resolves.toBeUndefined();
      });

      it('keeps ids and keys that contain separators apart', async () => {
        const plain = makeInstallation({ oauthId: 'a' });
        const tricky = makeInstallation({ oauthId: 'a}:v:x' });
        await store.storeInstallation(plain);
        await store.storeInstallation(tricky);
        await store.setValue('a', 'x}:installation', 'value of a');
        await store.setValue('a}:v:x', 'k', 'value of tricky');
        await store.deleteInstallation('a');
        await expect(store.fetchInstallation('a}:v:x')).resolves.toEqual(tricky);
        await expect(store.getValue('a}:v:x', 'k')).resolves.toBe('value of tricky');
      });

      it('with ifSecret null, stores only while there is no record, and says whether it did', async () => {
        const first = makeInstallation();
        await expect(store.storeInstallation(first, { ifSecret: null })).resolves.toBe(true);
        await expect(store.storeInstallation({ ...first, oauthSecret: 'another' }, { ifSecret: null })).resolves.toBe(false);
        await expect(store.fetchInstallation(first.oauthId)).resolves.toEqual(first);
      });

      it('with ifSecret, replaces only a record holding that secret', async () => {
        const first = makeInstallation();
        await expect(store.storeInstallation(first)).resolves.toBe(true);
        const rotated = { ...first, oauthSecret: 'rotated' };
        await expect(store.storeInstallation(rotated, { ifSecret: 'not-the-secret' })).resolves.toBe(false);
        await expect(store.storeInstallation(rotated, { ifSecret: first.oauthSecret })).resolves.toBe(true);
        await expect(store.fetchInstallation(first.oauthId)).resolves.toEqual(rotated);
        await expect(store.storeInstallation(makeInstallation(), { ifSecret: 'any' })).resolves.toBe(false);
      });

      it('lets exactly one of 20 concurrent conditional writes of one oauthId win', async () => {
        const oauthId = makeInstallation().oauthId;
        const contenders = Array.from({ length: 20 }, (_, index) => makeInstallation({ oauthId, oauthSecret: `secret-${index}` }));
        const results = await Promise.all(contenders.map((contender) => store.storeInstallation(contender, { ifSecret: null })));
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = contenders[results.indexOf(true)];
        await expect(store.fetchInstallation(oauthId)).resolves.toEqual(winner);
      });

      it('with ifSecret, deletes only a record holding that secret, with its values', async () => {
        const installation = makeInstallation();
        await store.storeInstallation(installation);
        await store.setValue(installation.oauthId, 'settings', 'kept');
        await store.deleteInstallation(installation.oauthId, { ifSecret: 'not-the-secret' });
        await expect(store.fetchInstallation(installation.oauthId)).resolves.toEqual(installation);
        await expect(store.getValue(installation.oauthId, 'settings')).resolves.toBe('kept');
        await store.deleteInstallation(installation.oauthId, { ifSecret: installation.oauthSecret });
        await expect(store.fetchInstallation(installation.oauthId)).resolves.toBeUndefined();
        await expect(store.getValue(installation.oauthId, 'settings')).resolves.toBeUndefined();
      });

      it('answers undefined for an id holding a lone UTF-16 surrogate, and keeps its values apart', async () => {
        // Any JSON string (a token's iss) may hold one; every store answers "unknown", never a throw.
        const lone = '\ud800';
        await expect(store.fetchInstallation(lone)).resolves.toBeUndefined();
        await expect(store.fetchInstallation(`x${'\udc00'}y`)).resolves.toBeUndefined();
        await store.setValue(`${lone}a`, 'k', 'lone');
        await store.setValue('%uD800a', 'k', 'look-alike');
        await expect(store.getValue(`${lone}a`, 'k')).resolves.toBe('lone');
        await expect(store.getValue('%uD800a', 'k')).resolves.toBe('look-alike');
        await expect(store.getValue('\ufffda', 'k')).resolves.toBeUndefined();
        await store.deleteInstallation(`${lone}a`);
        await expect(store.getValue('%uD800a', 'k')).resolves.toBe('look-alike');
      });
    });

    describe('values', () => {
      it('answers undefined for an unknown key or installation', async () => {
        await expect(store.getValue('never-installed', 'key')).resolves.toBeUndefined();
        await store.setValue('o1', 'present', 'v');
        await expect(store.getValue('o1', 'absent')).resolves.toBeUndefined();
      });

      it('sets, overwrites and deletes values, each installation its own', async () => {
        await expect(store.setValue('o1', 'key', 'first')).resolves.toBe(true);
        await store.setValue('o2', 'key', 'other installation');
        await expect(store.setValue('o1', 'key', 'second')).resolves.toBe(true);
        await expect(store.getValue('o1', 'key')).resolves.toBe('second');
        await store.deleteValue('o1', 'key');
        await expect(store.getValue('o1', 'key')).resolves.toBeUndefined();
        await expect(store.getValue('o2', 'key')).resolves.toBe('other installation');
      });

      it('keeps any string: empty, unicode, separators', async () => {
        const keys = ['', 'with space', 'a:b:{c}', 'ünï©ødé ☃', '*?[glob]'];
        for (const key of keys) await store.setValue('o1', key, `value of ${key}`);
        await store.setValue('o1', 'empty', '');
        for (const key of keys) await expect(store.getValue('o1', key)).resolves.toBe(`value of ${key}`);
        await expect(store.getValue('o1', 'empty')).resolves.toBe('');
      });

      it('accepts deleting a value that does not exist', async () => {
        await expect(store.deleteValue('o1', 'absent')).resolves.toBeUndefined();
        await expect(store.deleteValue('o1', 'absent', 'expected')).resolves.toBeUndefined();
      });

      it('with ifAbsent, writes only when the key is free and says whether it did', async () => {
        await expect(store.setValue('o1', 'lock', 'first', { ifAbsent: true })).resolves.toBe(true);
        await expect(store.setValue('o1', 'lock', 'second', { ifAbsent: true })).resolves.toBe(false);
        await expect(store.getValue('o1', 'lock')).resolves.toBe('first');
        await store.deleteValue('o1', 'lock');
        await expect(store.setValue('o1', 'lock', 'third', { ifAbsent: true })).resolves.toBe(true);
        await expect(store.getValue('o1', 'lock')).resolves.toBe('third');
      });

      it('lets exactly one of 20 concurrent ifAbsent callers win', async () => {
        const callers = Array.from({ length: 20 }, (_, index) => `caller-${index}`);
        const results = await Promise.all(
          callers.map((caller) => store.setValue('o1', 'lock', caller, { ifAbsent: true, ttlMs: 60_000 })),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        await expect(store.getValue('o1', 'lock')).resolves.toBe(callers[results.indexOf(true)]);
      });

      it('with ifValue, deletes only when the stored value matches', async () => {
        await store.setValue('o1', 'lock', 'mine');
        await store.deleteValue('o1', 'lock', 'someone else');
        await expect(store.getValue('o1', 'lock')).resolves.toBe('mine');
        await store.deleteValue('o1', 'lock', 'mine');
        await expect(store.getValue('o1', 'lock')).resolves.toBeUndefined();
      });

      it('expires a value after ttlMs, and a value written without one stays', async () => {
        await store.setValue('o1', 'short', 'v', { ttlMs: 100 });
        await store.setValue('o1', 'forever', 'v');
        await expect(store.getValue('o1', 'short')).resolves.toBe('v');
        await later(150);
        await expect(store.getValue('o1', 'short')).resolves.toBeUndefined();
        await expect(store.getValue('o1', 'forever')).resolves.toBe('v');
      });

      it('frees an ifAbsent key once its value expired (a lock whose holder died)', async () => {
        await store.setValue('o1', 'lock', 'dead holder', { ifAbsent: true, ttlMs: 100 });
        await later(150);
        await expect(store.setValue('o1', 'lock', 'next holder', { ifAbsent: true })).resolves.toBe(true);
        await expect(store.getValue('o1', 'lock')).resolves.toBe('next holder');
      });

      it('drops the TTL when a value is overwritten without one', async () => {
        await store.setValue('o1', 'key', 'expiring', { ttlMs: 100 });
        await store.setValue('o1', 'key', 'kept');
        await later(150);
        await expect(store.getValue('o1', 'key')).resolves.toBe('kept');
      });

      it('refuses a TTL that is not a positive number', async () => {
        for (const ttlMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
          const failure = await store.setValue('o1', 'key', 'v', { ttlMs }).catch((error: unknown) => error);
          expect(isConnectError(failure, 'OPTION_INVALID')).toBe(true);
        }
        await expect(store.getValue('o1', 'key')).resolves.toBeUndefined();
      });
    });
  });
}
