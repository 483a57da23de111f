import { assertValidDescriptor, descriptorProblems } from 'hipchat-connect';
import { fixture, thrownBy } from './helpers';

describe('assertValidDescriptor', () => {
  it('accepts a valid descriptor', () => {
    expect(() => assertValidDescriptor(fixture('full.json'))).not.toThrow();
  });

  it('throws DESCRIPTOR_INVALID naming the path and the rule, with every problem in the details', () => {
    const descriptor = fixture('full.json');
    descriptor.capabilities.hipchatApiConsumer.scopes = [];
    const error = thrownBy(() => assertValidDescriptor(descriptor));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.message).toBe('Invalid descriptor: /capabilities/hipchatApiConsumer/scopes: must NOT have fewer than 1 items');
    expect(error.details).toEqual({ problems: [{ path: '/capabilities/hipchatApiConsumer/scopes', rule: 'must NOT have fewer than 1 items' }] });
  });

  it('reports a pattern on a non-message event in words, once', () => {
    const descriptor = fixture('full.json');
    descriptor.capabilities.webhook[1].pattern = '^hi';
    expect(descriptorProblems(descriptor)).toEqual([{ path: '/capabilities/webhook/1/pattern', rule: 'is not allowed here' }]);
  });

  it('refuses module keys used twice, across module types', () => {
    const descriptor = fixture('full.json');
    descriptor.capabilities.externalPage[0].key = 'forecast-panel';
    descriptor.capabilities.webhook[1].key = 'forecast';
    expect(descriptorProblems(descriptor)).toEqual([
      { path: '/capabilities/glance/0/key', rule: 'must be unique: "forecast" is already the key of /capabilities/webhook/1' },
      { path: '/capabilities/externalPage/0/key', rule: 'must be unique: "forecast-panel" is already the key of /capabilities/webPanel/0' },
    ]);
    expect(thrownBy(() => assertValidDescriptor(descriptor)).code).toBe('DESCRIPTOR_INVALID');
  });

  it('refuses a glance target that names no module', () => {
    const descriptor = fixture('full.json');
    descriptor.capabilities.glance[0].target = 'forecast-panle';
    expect(descriptorProblems(descriptor)).toEqual([
      { path: '/capabilities/glance/0/target', rule: 'must name a webPanel, dialog or externalPage of this descriptor; "forecast-panle" is none' },
    ]);
  });

  it('refuses an action target that names a module the host cannot open', () => {
    const descriptor = fixture('full.json');
    descriptor.capabilities.action[0].target = { key: 'forecast' };
    expect(descriptorProblems(descriptor).map((problem) => problem.path)).toEqual(['/capabilities/action/0/target/key']);
  });

  it('runs the cross-module rules only once the shape is right', () => {
    const descriptor = fixture('full.json');
    descriptor.capabilities.glance[0].target = 'nowhere';
    delete descriptor.name;
    expect(descriptorProblems(descriptor)).toEqual([{ path: '', rule: "must have required property 'name'" }]);
  });
});
