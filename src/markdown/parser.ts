import MarkdownIt from "markdown-it";

/**
 * The one markdown-it instance: article bodies are rendered, checked and summarised by the
 * same rules, from the same tokens. Markdown only: article text is never run as template
 * code, so an editor's `{{ x }}` stays text. Raw HTML is parsed here and sanitised after
 * rendering (render.ts).
 */
export const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

/**
 * How deep quotes and lists may be nested. markdown-it drops, without a word, whatever lies
 * deeper than its own limit of 100 levels; no article needs a tenth of that, so deeper
 * nesting is an error the editor hears about long before any text could be lost.
 */
export const MAX_NESTING = 30;
