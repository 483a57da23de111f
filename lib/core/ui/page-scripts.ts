export interface PageScripts {
  hostScriptUrl: string;
  clientScriptUrl: string;
  token: string;
}

/**
 * The `<script>` tags a page puts in its `<head>`: the host's JavaScript API, then the add-on's client
 * helper with the page token on its tag (read from `document.currentScript`), so the page needs neither
 * a build step nor an inline script that a strict Content-Security-Policy would block.
 */
export function pageScriptTags({ hostScriptUrl, clientScriptUrl, token }: PageScripts): string {
  return `<script src="${attribute(hostScriptUrl)}"></script>\n`
    + `<script src="${attribute(clientScriptUrl)}" data-token="${attribute(token)}"></script>`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#39;' };

/** Escapes a value for a double-quoted HTML attribute. */
export function attribute(value: string): string {
  return value.replace(/[&"<>']/g, (character) => ESCAPES[character] ?? character);
}
