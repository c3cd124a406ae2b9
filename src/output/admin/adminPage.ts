import { SETTINGS_ELEMENT } from "../../../layouts/admin/editorSettings.ts";
import { escapeHtml } from "../../domain/escapeHtml.ts";
import type { SiteConfig } from "../../domain/siteConfig.ts";

/** What the editor's page loads, by their addresses under the site's path prefix. */
export interface AdminPageParts {
  readonly config: SiteConfig;
  /** The editor's settings, as layouts/admin/editorSettings.ts writes them. */
  readonly settingsJson: string;
  readonly editorScript: string;
  readonly editorCss: string;
  readonly decapScript: string;
  /** The local backend's origin (`npm start`): the editor talks to it on this computer. */
  readonly localBackendOrigins: readonly string[];
}

/**
 * Where the editor's page may load from and talk to. Scripts: its own files only (Decap's,
 * the editor's), no inline script, no other host. Decap checks config.yml with Ajv, which
 * compiles its schema into functions at run time: without 'unsafe-eval' Decap stops there
 * (it still runs only code from these files). Its styles are made at run time (inline). It
 * talks to the site, the local backend, and on the published site GitHub's API and the
 * sign-in proxy.
 */
function contentSecurityPolicy(config: SiteConfig, localBackendOrigins: readonly string[]): string {
  const online = config.webEditor ? ["https://api.github.com", new URL(config.webEditor.authUrl).origin] : [];
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' blob: data:${config.webEditor ? " https://avatars.githubusercontent.com" : ""}`,
    `connect-src 'self' blob: ${[...localBackendOrigins, ...online].join(" ")}`,
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * /admin/index.html: Decap's page, kept out of search engines (`noindex`), with the editor's
 * settings as JSON (never run as a script) and its two scripts: newsdesk's first, which holds
 * Decap back until newsdesk's parts are registered, then Decap's.
 */
export function adminPage(parts: AdminPageParts): string {
  const { config } = parts;
  // One line, as the build minifies every page.
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(config, parts.localBackendOrigins))}">`,
    '<meta name="referrer" content="same-origin">',
    `<title>Web editor - ${escapeHtml(config.name)}</title>`,
    `<link rel="stylesheet" href="${escapeHtml(parts.editorCss)}">`,
    `<script type="application/json" id="${SETTINGS_ELEMENT}">${parts.settingsJson}</script>`,
    // In this order, neither deferred: the editor's script reads the settings above it, and
    // holds Decap back and keeps its routes (layouts/admin/editor.ts) before Decap's runs.
    `<script src="${escapeHtml(parts.editorScript)}"></script>`,
    `<script src="${escapeHtml(parts.decapScript)}"></script>`,
    "</head>",
    "<body></body>",
    "</html>",
  ].join("");
}
