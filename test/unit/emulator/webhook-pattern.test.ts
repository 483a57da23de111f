import { compilePattern, patternMatches } from '../../../lib/emulator/webhook-pattern';

describe('webhook patterns', () => {
  it('turns a leading (?i) into the i flag', () => {
    const pattern = compilePattern('(?i)^/weather\\b');
    expect(pattern.source).toBe('^\\/weather\\b');
    expect(pattern.flags).toBe('i');
    expect(patternMatches('(?i)^/weather\\b', '/WEATHER Paris')).toBe(true);
  });

  it('takes a group of shared inline flags', () => {
    expect(compilePattern('(?is)a.b').flags).toBe('is');
    expect(patternMatches('(?s)a.b', 'a\nb')).toBe(true);
  });

  it('is case-sensitive without the inline flag', () => {
    expect(patternMatches('^/weather', '/WEATHER')).toBe(false);
    expect(patternMatches('^/weather', '/weather Paris')).toBe(true);
  });

  it('searches the text rather than matching all of it, as HipChat did', () => {
    expect(patternMatches('deploy', 'please deploy now')).toBe(true);
  });

  it('leaves an inline group that is not at the start to RegExp, which refuses it', () => {
    expect(() => compilePattern('a(?i)b')).toThrow(SyntaxError);
  });

  it('lets every text through a webhook without a pattern', () => {
    expect(patternMatches(undefined, 'anything')).toBe(true);
  });
});
