import { descriptorFromTemplate } from 'hipchat-connect';
import { fixtureText, thrownBy } from './helpers';

const template = fixtureText('atlassian-connect.json');

/** A valid template whose description carries the placeholder, so any value can be inspected. */
const describing = (placeholder: string) =>
  JSON.stringify({ key: 'k', name: 'n', description: `at ${placeholder}`, links: { self: 'https://x.example.com/d.json' } });

describe('descriptorFromTemplate', () => {
  it('fills {{localBaseUrl}} in, with or without spaces inside the braces', () => {
    const descriptor = descriptorFromTemplate(template, { localBaseUrl: 'https://abc.ngrok.io/addon' });
    expect(descriptor.links).toEqual({ self: 'https://abc.ngrok.io/addon/atlassian-connect.json', homepage: 'https://abc.ngrok.io/addon' });
  });

  it('keeps the host placeholders and drops a trailing slash from the base URL', () => {
    const descriptor = descriptorFromTemplate(template, { localBaseUrl: 'https://abc.ngrok.io/' });
    expect(descriptor.capabilities?.webPanel?.[0]?.url).toBe('https://abc.ngrok.io/sidebar?room={room_id}');
  });

  it('JSON-escapes the value', () => {
    const value = 'https://x.example.com/a"b\\c';
    expect(descriptorFromTemplate(describing('{{localBaseUrl}}'), { localBaseUrl: value }).description).toBe(`at ${value}`);
  });

  it('names an unknown placeholder and its line', () => {
    const error = thrownBy(() => descriptorFromTemplate(`{\n  "key": "{{ addonKey }}"\n}`, { localBaseUrl: 'https://x.example.com' }));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.message).toContain('unknown placeholder {{ addonKey }} on line 2');
  });

  it('refuses text that is not JSON once filled in', () => {
    const error = thrownBy(() => descriptorFromTemplate('{ "key": {{localBaseUrl}} }', { localBaseUrl: 'https://x.example.com' }));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.message).toContain('must be JSON');
  });

  it('validates the result like a built descriptor', () => {
    const error = thrownBy(() => descriptorFromTemplate(template, { localBaseUrl: 'not a url' }));
    expect(error.code).toBe('DESCRIPTOR_INVALID');
    expect(error.message).toContain('/links/self');
  });

  it('hands out a frozen descriptor', () => {
    expect(Object.isFrozen(descriptorFromTemplate(template, { localBaseUrl: 'https://x.example.com' }).links)).toBe(true);
  });
});
