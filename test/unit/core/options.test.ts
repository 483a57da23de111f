import descriptorSchema from '../../../schemas/descriptor.schema.json';
import { resolveOptions, SCOPES, type AddonOptions } from '../../../lib/core/options';

const minimal: AddonOptions = { key: 'com.example.test', name: 'Test', description: 'A test add-on' };

it('knows every scope of the descriptor schema, in its order', () => {
  expect(SCOPES).toEqual(descriptorSchema.$defs.scope.enum);
});

describe('resolveOptions', () => {
  it('defaults what is left out, and freezes the result', () => {
    const options = resolveOptions({ ...minimal, development: false });
    expect(options.scopes).toEqual(['send_notification']);
    expect(options.allowedHosts).toEqual(['https://api.hipchat.com']);
    expect(options.clockToleranceSeconds).toBe(60);
    expect(Object.isFrozen(options)).toBe(true);
  });

  it('allows loopback hosts in development', () => {
    expect(resolveOptions({ ...minimal, development: true }).allowedHosts).toContain('http://127.0.0.1:*');
  });

  it.each([
    [{ key: 'has space' }, 'options.key'],
    [{ name: '' }, 'options.name'],
    [{ scopes: [] }, 'options.scopes'],
    [{ scopes: ['send_notification', 'fly'] }, 'options.scopes'],
    [{ baseUrl: 'example.com' }, 'options.baseUrl'],
    [{ installable: { allowRoom: 'yes' } }, 'options.installable.allowRoom'],
    [{ jwt: { clockToleranceSeconds: -1 } }, 'options.jwt.clockToleranceSeconds'],
    [{ limits: { bodyBytes: 1.5 } }, 'options.limits.bodyBytes'],
  ])('names the option in %j', (override, option) => {
    expect(() => resolveOptions({ ...minimal, ...(override as object) })).toThrow(option);
  });

  it('strips a trailing slash from baseUrl', () => {
    expect(resolveOptions({ ...minimal, baseUrl: 'https://addon.example/x/' }).baseUrl).toBe('https://addon.example/x');
  });
});
