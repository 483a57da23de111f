import { randomSecret } from '../../../lib/emulator/oauth-clients';

describe('the secrets and tokens the emulator issues', () => {
  it('are 40 letters and digits, as HipChat\'s were, so none reads as a command-line option', () => {
    const issued = Array.from({ length: 1000 }, randomSecret);
    for (const secret of issued) expect(secret).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(new Set(issued).size).toBe(issued.length);
  });
});
