/**
 * Compiles a descriptor's webhook `pattern`. HipChat matched with a Java-style dialect, where a leading
 * inline group such as `(?i)` sets flags; JavaScript has no inline flags, so a leading group of the
 * flags both dialects share (i, m, s) becomes the RegExp's flags. Anything else is left to RegExp,
 * which throws a SyntaxError for a pattern it cannot read.
 */
export function compilePattern(pattern: string): RegExp {
  const inline = /^\(\?([ims]+)\)/.exec(pattern);
  if (!inline) return new RegExp(pattern);
  const flags = [...new Set(inline[1])].join('');
  return new RegExp(pattern.slice(inline[0].length), flags);
}

/** Whether a message text triggers a webhook with this pattern; HipChat searched, it did not anchor. */
export function patternMatches(pattern: string | undefined, text: string): boolean {
  return pattern === undefined || compilePattern(pattern).test(text);
}
