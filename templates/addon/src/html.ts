const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML, in an element or a quoted attribute alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/**
 * A page the host frames. `scripts` (from `res.locals.hipchat`) loads the host's JavaScript API and
 * hipchat-connect's client helper, which holds the page token: `HipChatConnect.fetch` sends it back.
 */
export function page(title: string, scripts: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${scripts}
<style>body { font: 14px/1.45 system-ui, sans-serif; margin: 1rem; color: #333 } h1 { font-size: 1.1rem; margin: 0 0 .5rem }
input, button { font: inherit } input { padding: .3rem; width: 100% } .muted { color: #707070 }</style></head>
<body>
${body}
</body></html>`;
}
