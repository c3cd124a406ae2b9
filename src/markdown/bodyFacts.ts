import type { Token } from "markdown-it";
import type { BodyFacts, BodyLink, BodyPicture } from "../domain/bodyFacts.ts";
import { MAX_NESTING, markdown } from "./parser.ts";
import { firstParagraphOf } from "./summary.ts";

/**
 * Reads a body's facts (domain/bodyFacts.ts) from markdown-it's tokens, in one pass: its
 * pictures, its links and where (if anywhere) its nesting goes too deep. Code and comments
 * are never pictures or links.
 */
const NO_FACTS: BodyFacts = { pictures: [], links: [], tooDeepAt: undefined, firstParagraph: "" };

export function bodyFacts(body: string): BodyFacts {
  if (body.trim() === "") return NO_FACTS;
  const pictures: BodyPicture[] = [];
  const links: BodyLink[] = [];
  let tooDeepAt: number | undefined;
  const tokens = markdown.parse(body, {});
  for (const token of tokens) {
    const first = token.map?.[0] ?? 0;
    if (token.level >= MAX_NESTING && tooDeepAt === undefined) tooDeepAt = first;
    if (token.type === "html_block") readTags(token.content, first, pictures, links);
    else if (token.type === "inline") readInline(token, first, pictures, links);
  }
  return { pictures, links, tooDeepAt, firstParagraph: firstParagraphOf(tokens) };
}

/** A tag, whole: attribute values may hold `>` only quoted. Bounded, so no input makes it slow. */
const TAG = /<(img|a)\b((?:[^>"']|"[^"]{0,2000}"|'[^']{0,2000}'){0,200})>/gi;
const ATTRIBUTE = /\s([a-z][a-z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gi;
const COMMENT = /<!--[\s\S]*?-->/g;

/** The `<img>` and `<a href>` tags of raw HTML, each at its own line; comments are skipped. */
function readTags(html: string, firstLine: number, pictures: BodyPicture[], links: BodyLink[]): void {
  if (!/<(?:img|a)\b/i.test(html)) return;
  const visible = html.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, " "));
  for (const match of visible.matchAll(TAG)) {
    const attributes = new Map<string, string>();
    for (const [, name, ...values] of (match[2] ?? "").matchAll(ATTRIBUTE)) {
      if (name) attributes.set(name.toLowerCase(), values.find((v) => v !== undefined) ?? "");
    }
    const line = firstLine + linesBefore(visible, match.index);
    if (match[1]?.toLowerCase() === "img") {
      pictures.push({
        src: decodeEntities(attributes.get("src") ?? ""),
        alt: attributes.has("alt") ? decodeEntities(attributes.get("alt") ?? "") : undefined,
        isTag: true,
        line,
      });
    } else if (attributes.has("href")) {
      links.push({ href: decodeEntities(attributes.get("href") ?? ""), line });
    }
  }
}

/**
 * A paragraph's pictures and links. Its children carry no positions, so each is found in
 * the paragraph's text after the one before it, for its own line.
 */
function readInline(token: Token, firstLine: number, pictures: BodyPicture[], links: BodyLink[]): void {
  const text = token.content;
  let cursor = 0;
  /** Moves past the next `piece` and returns where it starts (where the last one ended if absent). */
  const advance = (piece: string): number => {
    const at = piece ? text.indexOf(piece, cursor) : -1;
    if (at >= 0) cursor = at + piece.length;
    return at < 0 ? cursor : at;
  };
  const lineAt = (at: number) => firstLine + linesBefore(text, at);
  for (const child of token.children ?? []) {
    switch (child.type) {
      case "code_inline":
        advance(child.content);
        break;
      case "html_inline": {
        const at = advance(child.content);
        readTags(child.content, lineAt(at), pictures, links);
        break;
      }
      case "image":
        pictures.push({
          src: markdown.normalizeLinkText(String(child.attrGet("src") ?? "")),
          alt: child.content,
          isTag: false,
          line: lineAt(advance("![")),
        });
        break;
      case "link_open": {
        const href = markdown.normalizeLinkText(String(child.attrGet("href") ?? ""));
        // A bare URL or an autolink stands in the text as written; a Markdown link starts at its `[`.
        const at = child.markup === "linkify" || child.markup === "autolink" ? advance(href) : advance("[");
        links.push({ href, line: lineAt(at) });
        break;
      }
    }
  }
}

function linesBefore(text: string, index: number): number {
  let lines = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** An attribute value as the browser reads it: named, decimal and hex character references decoded. */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, decimal, hex, name) => {
    if (decimal || hex) {
      const code = Number.parseInt(decimal ?? hex, decimal ? 10 : 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[String(name).toLowerCase()] ?? whole;
  });
}
