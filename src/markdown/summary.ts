import type { Token } from "markdown-it";
import { markdown } from "./parser.ts";

/**
 * The first paragraph of a body as plain text: the summary when an editor gives none.
 * From markdown-it's tokens: the first paragraph of the body itself (not a heading, quote,
 * list, table, code or raw HTML block), skipping one that opens with a picture or with raw
 * HTML; cut at a word past `maxLength` characters.
 */
export function firstParagraphText(source: string, maxLength = 300): string {
  return firstParagraphOf(markdown.parse(source, {}), maxLength);
}

/** The same, from a body's tokens (as bodyFacts has them). */
export function firstParagraphOf(tokens: readonly Token[], maxLength = 300): string {
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const opening = tokens[i - 1] as Token;
    if (token.type !== "inline" || opening.type !== "paragraph_open" || opening.level !== 0) continue;
    const first = token.content.trimStart();
    if (first.startsWith("<") || first.startsWith("![") || first.startsWith("|")) continue;
    const plain = plainText(token);
    if (plain) return truncate(plain, maxLength);
  }
  return "";
}

/** An inline token's words: text and code, breaks as spaces, no markup, entities decoded. */
function plainText(inline: Token): string {
  const parts: string[] = [];
  for (const child of inline.children ?? []) {
    if (child.type === "text" || child.type === "code_inline") parts.push(child.content);
    else if (child.type === "softbreak" || child.type === "hardbreak") parts.push(" ");
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength / 2)).replace(/[,;:.\s]+$/, "")}…`;
}
