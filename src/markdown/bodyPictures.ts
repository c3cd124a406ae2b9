import type { Token } from "markdown-it";
import { markdown } from "./parser.ts";

/**
 * The pictures a body shows, as markdown-it reads it: Markdown images (reference-style
 * too) and `<img>` tags in raw HTML; never what is shown as code or commented out.
 */
export interface BodyPicture {
  /** As the editor wrote it (entities and %-escapes decoded): a path, or a URL. */
  readonly src: string;
  /** The text alternative; undefined for an `<img>` without an `alt` attribute. */
  readonly alt: string | undefined;
  /** Written as an `<img>` tag rather than Markdown. */
  readonly isTag: boolean;
  /** Line in the body, from 0. */
  readonly line: number;
}

/** An `<img>` tag, whole (attribute values may hold `>` only quoted; bounded, so no input makes it slow). */
const IMG_TAG = /<img\b(?:[^>"']|"[^"]{0,2000}"|'[^']{0,2000}'){0,200}>/gi;
const ATTRIBUTE = /\s([a-z][a-z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gi;
const COMMENT = /<!--[\s\S]*?-->/g;

export function bodyPictures(body: string): BodyPicture[] {
  if (!body.includes("![") && !/<img/i.test(body) && !body.includes("]:")) return [];
  const pictures: BodyPicture[] = [];
  for (const token of markdown.parse(body, {})) {
    const first = token.map?.[0] ?? 0;
    if (token.type === "html_block") pictures.push(...tagsIn(token.content, first));
    else if (token.type === "inline") pictures.push(...inlinePictures(token, first));
  }
  return pictures;
}

/** The `<img>` tags of raw HTML, each at its own line. */
function tagsIn(html: string, firstLine: number): BodyPicture[] {
  const visible = html.replace(COMMENT, (comment) => comment.replace(/[^\n]/g, " "));
  return [...visible.matchAll(IMG_TAG)].map((match) => {
    const attributes = new Map<string, string>();
    for (const [, name, ...values] of match[0].matchAll(ATTRIBUTE)) {
      if (name) attributes.set(name.toLowerCase(), values.find((v) => v !== undefined) ?? "");
    }
    return {
      src: decodeEntities(attributes.get("src") ?? ""),
      alt: attributes.has("alt") ? decodeEntities(attributes.get("alt") ?? "") : undefined,
      isTag: true,
      line: firstLine + linesBefore(visible, match.index),
    };
  });
}

/**
 * A paragraph's pictures. Its children carry no positions, so each is found in the
 * paragraph's text after the one before it, for its own line.
 */
function inlinePictures(token: Token, firstLine: number): BodyPicture[] {
  const text = token.content;
  const pictures: BodyPicture[] = [];
  let cursor = 0;
  const advance = (piece: string): number => {
    const at = piece ? text.indexOf(piece, cursor) : -1;
    if (at >= 0) cursor = at + piece.length;
    return at < 0 ? cursor : at;
  };
  for (const child of token.children ?? []) {
    if (child.type === "code_inline") advance(child.content);
    else if (child.type === "html_inline") {
      const at = advance(child.content);
      pictures.push(...tagsIn(child.content, firstLine + linesBefore(text, at)));
    } else if (child.type === "image") {
      const at = advance("![");
      pictures.push({
        src: markdown.normalizeLinkText(String(child.attrGet("src") ?? "")),
        alt: child.content,
        isTag: false,
        line: firstLine + linesBefore(text, at),
      });
    }
  }
  return pictures;
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
