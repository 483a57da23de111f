/**
 * The one installation, room and user the testing helpers agree on, so a payload from `testEvent()`,
 * a token from `signHostToken()` and `fakeInstallation()` fit together without arguments.
 */
export const FAKE = Object.freeze({
  oauthId: 'oauth-1',
  roomId: 42,
  userId: 7,
  apiUrl: 'http://127.0.0.1:8008/v2',
});
