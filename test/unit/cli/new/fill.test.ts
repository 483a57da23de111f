import { fillPlaceholders } from '../../../../lib/cli/new/fill';

describe('fillPlaceholders', () => {
  const values = { name: "Ada's \\ \"add-on\"", scopes: ['send_notification', 'view_room'], vendorName: undefined };

  it('escapes a value for the string it stands in, in TypeScript and in JSON', () => {
    expect(fillPlaceholders("name: '{{name}}',", 'src/addon.ts', values)).toBe("name: 'Ada\\'s \\\\ \"add-on\"',");
    expect(fillPlaceholders('"description": "{{name}}"', 'package.json', values)).toBe('"description": "Ada\'s \\\\ \\"add-on\\""');
    expect(JSON.parse(`{${fillPlaceholders('"d": "{{name}}"', 'package.json', values)}}`).d).toBe(values.name);
  });

  it('puts text as it is into other files', () => {
    expect(fillPlaceholders('# {{name}}', 'README.md', values)).toBe(`# ${values.name}`);
  });

  it('repeats a quoted placeholder for each item of a list', () => {
    expect(fillPlaceholders("scopes: ['{{scopes}}'],", 'a.ts', values)).toBe("scopes: ['send_notification', 'view_room'],");
    expect(fillPlaceholders('{{scopes}}', 'README.md', values)).toBe('send_notification, view_room');
  });

  it('leaves out a line whose placeholder has no value, and names it does not know as they are', () => {
    expect(fillPlaceholders("a\n  vendor: { name: '{{vendorName}}' },\nb", 'a.ts', values)).toBe('a\nb');
    expect(fillPlaceholders('{{localBaseUrl}}/x', 'a.json', values)).toBe('{{localBaseUrl}}/x');
  });
});
