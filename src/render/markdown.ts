import sanitizeHtml from "sanitize-html";
import { isSitePath } from "../content/pictureFiles.ts";
import { markdown } from "../markdown/parser.ts";
import { escapeHtml } from "./escapeHtml.ts";
import type { ImageLookup } from "./images.ts";
import { withPictures } from "./picture.ts";

/**
 * Article text to HTML. Raw HTML is allowed but passes a maintained sanitiser with a small
 * allowlist: no scripts, no event handlers, no `javascript:` URLs, and nothing that makes
 * the page fetch from another host by itself.
 */
/** Video hosts whose players may be embedded; they load only when the reader clicks. */
export const VIDEO_HOSTS: ReadonlyMap<string, string> = new Map([
  ["www.youtube.com", "YouTube"],
  ["www.youtube-nocookie.com", "YouTube"],
  ["player.vimeo.com", "Vimeo"],
  ["player.bilibili.com", "Bilibili"],
]);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "code",
    "pre",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "figure",
    "figcaption",
    "img",
    "sub",
    "sup",
    "del",
    "ins",
    "abbr",
    "cite",
    "q",
    "small",
    "span",
  ],
  // An allowed player becomes a link (see videoLink); any other embed is dropped with its contents.
  exclusiveFilter: (frame) => frame.tag === "iframe" && !frame.attribs.href,
  allowedAttributes: {
    a: ["href", "title", "class"],
    img: ["src", "alt", "width", "height", "title", "loading"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    abbr: ["title"],
    ol: ["start"],
  },
  // The only class a link may carry marks a video player's link, and only videoLink sets it.
  allowedClasses: { a: ["video-embed"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
  allowProtocolRelative: false,
  transformTags: {
    h1: "h2",
    // An editor's own link never becomes a player, whatever it claims: the script loads only
    // what videoLink made from an allowed <iframe> (this transform does not see those).
    a: (tagName, { class: _class, ...attribs }) => ({ tagName, attribs }),
    iframe: (_tagName, attribs) => videoLink(attribs.src ?? ""),
    img: (tagName, attribs): sanitizeHtml.Tag => {
      const src = attribs.src ?? "";
      // A picture on another host would be fetched by every reader's browser: link to it instead.
      if (!isSitePath(src)) return { tagName: "a", attribs: { href: src }, text: attribs.alt || src };
      return { tagName, attribs: { ...attribs, loading: "lazy" } };
    },
  },
};

function videoLink(src: string): sanitizeHtml.Tag {
  let host: string | undefined;
  try {
    const url = new URL(src);
    host = url.protocol === "https:" ? VIDEO_HOSTS.get(url.hostname) : undefined;
  } catch {
    host = undefined;
  }
  if (!host) return { tagName: "a", attribs: {} };
  return {
    tagName: "a",
    attribs: { href: src, class: "video-embed" },
    text: `Play the video (${host})`,
  };
}

/**
 * Article Markdown to safe HTML. Local pictures become responsive `<picture>`s when
 * processed; each table scrolls in its own box, which keyboard users can reach and screen
 * readers name (`tableLabel`), so a wide table never widens the page.
 */
export function renderArticleBody(source: string, images?: ImageLookup, tableLabel = "Table"): string {
  const html = sanitizeHtml(markdown.render(source), SANITIZE)
    .replaceAll(
      "<table>",
      `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(tableLabel)}"><table>`,
    )
    .replaceAll("</table>", "</table></div>");
  return images ? withPictures(html, images) : html;
}

/** The first paragraph of the body as plain text: the summary when an editor gives none. */
export function firstParagraphText(source: string, maxLength = 300): string {
  for (const block of source.split(/\r?\n\s*\r?\n/)) {
    const trimmed = block.trim();
    if (!trimmed || /^(?:#|>|[-*+] |\d+\. |\||<|```|~~~|!\[)/.test(trimmed)) continue;
    const plain = plainInline(trimmed);
    if (plain) return truncate(plain, maxLength);
  }
  return "";
}

/** Inline Markdown to plain text (no tags, entities decoded). */
export function plainInline(source: string): string {
  const tokens = markdown.parseInline(source, {});
  const parts: string[] = [];
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      if (child.type === "text" || child.type === "code_inline") parts.push(child.content);
      else if (child.type === "softbreak" || child.type === "hardbreak") parts.push(" ");
    }
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength / 2)).replace(/[,;:.\s]+$/, "")}…`;
}
