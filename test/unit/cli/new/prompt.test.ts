import { PassThrough } from 'node:stream';
import { gatherAnswers, type GivenFlags } from '../../../../lib/cli/new/gather';
import { terminalAsker } from '../../../../lib/cli/new/prompt';
import { templateNames } from '../../../../lib/cli/new/templates';

const NO_FLAGS: GivenFlags = {
  directory: undefined, template: undefined, key: undefined, name: undefined, description: undefined,
  vendorName: undefined, vendorUrl: undefined, scopes: undefined, from: undefined,
};

/** A terminal that types each answer once its question is on the screen, and keeps what was shown. */
function scriptedTerminal(answers: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    if (shown.endsWith(': ')) input.write(`${answers.shift() ?? ''}\n`);
  });
  return { asker: terminalAsker(input, output), shown: () => shown, left: () => answers };
}

describe('new on a terminal', () => {
  it('asks for what the flags leave out, offers defaults, and asks again after a mistake', async () => {
    const terminal = scriptedTerminal(['team-bot', '2', '', 'Posts for the team', 'bad:key', 'com.team.bot', 'send_notification,view_group', 'Team', 'https://team.example']);
    const answers = await gatherAnswers(NO_FLAGS, templateNames(), terminal.asker);
    terminal.asker.close();
    expect(answers).toEqual({
      directory: 'team-bot', template: 'express-app', name: 'Team Bot', description: 'Posts for the team', key: 'com.team.bot',
      scopes: ['send_notification', 'view_group'], vendorName: 'Team', vendorUrl: 'https://team.example', from: undefined,
    });
    expect(terminal.left()).toEqual([]);
    expect(terminal.shown()).toContain('1. addon');
    expect(terminal.shown()).toContain('Name, as HipChat shows it [Team Bot]: ');
    expect(terminal.shown()).toMatch(/--key "bad:key" must match pattern/);
  });

  it('asks only what the flags leave out, and never a key for the notifier', async () => {
    const terminal = scriptedTerminal(['Deploy notes']);
    const answers = await gatherAnswers({ ...NO_FLAGS, directory: 'notes', template: 'notifier', name: 'Notes' }, templateNames(), terminal.asker);
    terminal.asker.close();
    expect(answers).toMatchObject({ template: 'notifier', name: 'Notes', description: 'Deploy notes' });
    expect(terminal.shown()).not.toContain('Key');
  });

  it('without a terminal, takes the defaults', async () => {
    expect(await gatherAnswers({ ...NO_FLAGS, directory: '/tmp/My_Tool' }, templateNames(), undefined)).toEqual({
      directory: '/tmp/My_Tool', template: 'addon', name: 'My Tool', description: 'My Tool, a HipChat add-on', key: 'com.example.my_tool',
      scopes: ['send_notification', 'view_room'], vendorName: undefined, vendorUrl: undefined, from: undefined,
    });
  });
});
