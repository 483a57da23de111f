import { parseInstallationJson, parseInstallationRecord } from '../../../lib/stores/installation-record';
import { makeInstallation } from '../../contract/store-contract';

describe('parseInstallationRecord', () => {
  it('accepts a complete record, with or without the optional fields', () => {
    const room = makeInstallation({ roomId: 3, updatedAt: new Date().toISOString() });
    const { groupName: _omitted, ...bare } = makeInstallation();
    expect(parseInstallationRecord(room)).toEqual(room);
    expect(parseInstallationRecord(bare)).toEqual(bare);
  });

  it.each([
    ['a missing secret', { oauthSecret: undefined }],
    ['a string groupId', { groupId: '12' }],
    ['a string roomId', { roomId: '3' }],
    ['a numeric installedAt', { installedAt: 0 }],
  ])('refuses %s', (_, damage) => {
    expect(parseInstallationRecord({ ...makeInstallation(), ...damage })).toBeUndefined();
  });

  it.each([null, 'text', 12, [makeInstallation()]])('refuses %p', (value) => {
    expect(parseInstallationRecord(value)).toBeUndefined();
  });

  it('treats JSON that does not parse as damaged', () => {
    expect(parseInstallationJson('{"oauthId":')).toBeUndefined();
  });
});
