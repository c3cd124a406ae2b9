import { type ChildNode, Element } from "domhandler";
import { findAll, getOuterHTML, replaceElement } from "domutils";
import { parseDocument } from "htmlparser2";
import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "../domain/escapeHtml.ts";
import type { ImageLookup } from "../domain/picture.ts";
import { isSitePath, normaliseSrc } from "../domain/urls.ts";
import { markdown } from "./parser.ts";
import { pictureHtml } from "./pictureHtml.ts";

/**
 * Article text to HTML: rendered by markdown-it, then raw HTML and all passes a maintained
 * sanitiser with a small allowlist: no scripts, no event handlers, no `javascript:` URLs,
 * and nothing that makes the page fetch from another host by itself. Then, on the
 * sanitised tree, local pictures become responsive `<picture>`s and tables get their box.
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
 * readers name (`tableLabel`), so a wide table never widens the page. Both are done on the
 * tree the sanitised HTML parses to, whoever wrote the `<img>` or `<table>` and however.
 */
export function renderArticleBody(source: string, images?: ImageLookup, tableLabel = "Table"): string {
  const html = sanitizeHtml(markdown.render(source), SANITIZE);
  if (!html.includes("<table") && !(images && html.includes("<img"))) return html;
  // Entities stay as the sanitiser escaped them: text and attributes pass through unchanged.
  const tree = parseDocument(html, { decodeEntities: false });
  const elements = findAll((node) => node.name === "table" || node.name === "img", tree.children);
  for (const element of elements) {
    if (element.name === "table") {
      const box = new Element("div", {
        class: "table-wrap",
        tabindex: "0",
        role: "region",
        "aria-label": escapeHtml(tableLabel),
      });
      replaceElement(element, box);
      box.children = [element];
      element.parent = box;
      continue;
    }
    const src = decodeAttribute(element.attribs.src ?? "");
    const image = isSitePath(src) ? images?.get(normaliseSrc(src)) : undefined;
    if (!image) continue;
    const picture = parseDocument(pictureHtml(image, element.attribs.alt ?? "", "lazy"), {
      decodeEntities: false,
    }).children[0] as ChildNode;
    replaceElement(element, picture);
  }
  return getOuterHTML(tree.children, { decodeEntities: false, encodeEntities: false, selfClosingTags: true });
}

/** An attribute value as the sanitiser escaped it (`&amp;`, `&quot;`), as the editor wrote it. */
function decodeAttribute(value: string): string {
  return value
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}
