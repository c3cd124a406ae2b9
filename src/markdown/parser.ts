import MarkdownIt from "markdown-it";

/**
 * The one markdown-it instance: article bodies are rendered, checked and summarised by the
 * same rules. Markdown only: article text is never run as template code, so an editor's
 * `{{ x }}` stays text. Raw HTML is parsed here and sanitised after rendering.
 */
export const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

/**
 * How deep quotes and lists may be nested. markdown-it drops, without a word, whatever lies
 * deeper than its own limit of 100 levels; no article needs a tenth of that, so deeper
 * nesting is an error the editor hears about long before any text could be lost.
 */
export const MAX_NESTING = 30;

/** The line (0-based, in the body) where nesting first goes deeper than MAX_NESTING, if it does. */
export function tooDeeplyNestedAt(body: string): number | undefined {
  for (const token of markdown.parse(body, {})) {
    if (token.level >= MAX_NESTING) return token.map?.[0] ?? 0;
  }
  return undefined;
}
