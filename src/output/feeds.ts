import { Feed, type Item } from "feed";
import type { DateTime } from "luxon";
import type { Article } from "../domain/article.ts";
import { escapeHtml } from "../domain/escapeHtml.ts";
import { fingerprint } from "../domain/fingerprint.ts";
import type { Section } from "../domain/section.ts";
import { type FeedFormat, feedUrl as feedUrlOf, HOME_URL, sectionUrl } from "../domain/urls.ts";
import { lastModified, newestChange } from "../model/lastModified.ts";
import { articlesBySection } from "../model/listings.ts";
import type { Site } from "../model/site.ts";
import { FEED_FORMAT_NAMES, feedTitle } from "../render/head/feedLinks.ts";
import type { OutputFile, OutputGroup } from "./outputFile.ts";

/** How many of the newest articles each feed carries. */
export const FEED_SIZE = 50;

const DUBLIN_CORE = "http://purl.org/dc/elements/1.1/";

/** The feed of a section (or, undefined, of the whole site) in a format: src/domain/urls.ts. */
function feedUrl(section: Section | undefined, format: FeedFormat): string {
  return feedUrlOf(section?.slug, format);
}

/**
 * Every feed of the site, each in Atom 1.0 and RSS 2.0: the whole site's, and one per
 * section and per top section (Video, its own one section, is one feed). Each holds the
 * newest FEED_SIZE articles. Nothing depends on the wall clock: the same site gives the same
 * bytes. (The build makes them group by group, through feedGroups.)
 */
export function buildFeeds(site: Site): OutputFile[] {
  return feedGroups(site).flatMap((group) => group.make() as readonly OutputFile[]);
}

/**
 * The feeds as groups (a feed's Atom and RSS together), each keyed by what it shows: the
 * settings, its section and its articles' versions; an empty feed's date is the clock's.
 */
export function feedGroups(site: Site): OutputGroup[] {
  // One pass over the articles, newest first, gives every section's and top section's list.
  const lists = articlesBySection(site.articles, site.tree);
  const settings = JSON.stringify([
    site.config,
    [...site.tree.bySlug.values()].map((s) => [s.slug, s.title]),
  ]);
  const year = site.clock.setZone(site.config.timeZone).year;
  return feedOwners(site).map((section) => {
    const articles = (section ? (lists.get(section) ?? []) : site.articles).slice(0, FEED_SIZE);
    const stamp = articles.length > 0 ? articles.map((a) => a.version).join(" ") : site.clock.toISO();
    return {
      name: `feed ${section?.slug ?? ""}`,
      key: fingerprint(`${settings}\n${year}\n${section?.slug ?? ""}\n${stamp}`),
      make: () => renderFeed(site, section, articles),
    };
  });
}

/** Whose feeds there are: the whole site's (undefined), then each section's and top section's. */
function feedOwners(site: Site): (Section | undefined)[] {
  return [undefined, ...site.tree.bySlug.values()];
}

/** Every feed file buildFeeds writes, with what it is, without writing them. */
export function feedFiles(site: Site): { readonly url: string; readonly name: string }[] {
  return feedOwners(site).flatMap((section) =>
    (["atom", "rss"] as const).map((format) => ({
      url: feedUrl(section, format),
      name: `the ${FEED_FORMAT_NAMES[format]} feed of ${section ? `the ${section.title} section` : "the site"}`,
    })),
  );
}

function renderFeed(site: Site, section: Section | undefined, articles: readonly Article[]): OutputFile[] {
  const { config } = site;
  const absolute = (url: string) => `${config.baseUrl}${url}`;
  const pageUrl = absolute(section ? sectionUrl(section.slug) : HOME_URL);
  const options = {
    id: pageUrl,
    link: pageUrl,
    title: feedTitle(site, section),
    description: config.tagline,
    language: config.language,
    // The newest change among the feed's articles (publication, update or correction), never
    // the wall clock, so a rebuild of the same content gives the same feed; an empty feed
    // takes the build's clock.
    updated: toJsDate(newestChange(articles) ?? site.clock),
    copyright: copyrightLine(site),
    generator: "newsdesk",
    // Atom requires an author for the feed unless every entry has one; the publication is it.
    author: { name: config.name, link: absolute(HOME_URL) },
    feedLinks: { atom: absolute(feedUrl(section, "atom")), rss: absolute(feedUrl(section, "rss")) },
  };
  const atom = new Feed(options);
  const rss = new Feed(options);
  for (const article of articles) {
    atom.addItem(atomEntry(site, article));
    rss.addItem(rssItem(site, article));
  }
  return [
    { url: feedUrl(section, "atom"), content: `${ltEscapedInAttributes(atom.atom1())}\n` },
    { url: feedUrl(section, "rss"), content: `${rss.rss2()}\n` },
  ];
}

/**
 * An Atom entry. Atom's title and summary are declared `type="html"` by the `feed` package,
 * so our plain-text headline and summary are HTML-escaped ("M&A" stays "M&A" in a reader).
 *
 * Source and editor: Atom's `author` is "a person or other entity", so the credits of the
 * dateline are the entry's authors: the byline (`author`) when there is one, then the
 * `source` (the outlet that supplied the story, e.g. "China Daily"). The editor who handled
 * it is a `contributor`, Atom's element for exactly that.
 */
function atomEntry(site: Site, article: Article): Item {
  const link = `${site.config.baseUrl}${article.url}`;
  return {
    title: escapeHtml(article.headline),
    id: link,
    link,
    published: toJsDate(article.date),
    date: toJsDate(lastModified(article)),
    description: escapeHtml(article.summary),
    category: [{ name: article.section.title, term: article.section.title }],
    author: [...(article.author ? [{ name: article.author }] : []), { name: article.source }],
    contributor: [{ name: article.editor }],
  };
}

/**
 * An RSS item. RSS's `<author>` must be an e-mail address, which we do not have, so names go
 * in Dublin Core instead (what most publishers do): `dc:creator` for the byline and the
 * source, `dc:contributor` for the editor. The `feed` package only declares the `dc`
 * namespace on `<rss>` for full-content feeds, so each element declares it itself. No `id`:
 * the `<guid>` is then the link, marked `isPermaLink="true"`. The title is plain text (RSS);
 * the description is HTML (RSS), so the summary is HTML-escaped.
 */
function rssItem(site: Site, article: Article): Item {
  const dc = (text: string) => ({ _attributes: { "xmlns:dc": DUBLIN_CORE }, _text: text });
  // xml-js (under `feed`) writes an array as repeated elements; `feed` types `objects` as a record.
  const creators = [article.author, article.source].flatMap((name) => (name ? [dc(name)] : []));
  return {
    title: article.headline,
    link: `${site.config.baseUrl}${article.url}`,
    published: toJsDate(article.date),
    date: toJsDate(lastModified(article)),
    description: escapeHtml(article.summary),
    category: [{ name: article.section.title }],
    extensions: [
      { name: "dc:creator", objects: creators as unknown as Record<string, unknown> },
      { name: "dc:contributor", objects: dc(article.editor) },
    ],
  };
}

/** As the footer writes it: "Copyright ©2009-2026 Eastbridge News. All rights reserved." */
function copyrightLine(site: Site): string {
  const { copyright, timeZone } = site.config;
  const year = site.clock.setZone(timeZone).year;
  const years = year > copyright.startYear ? `${copyright.startYear}-${year}` : String(copyright.startYear);
  return `Copyright ©${years} ${copyright.holder}. ${copyright.rights}`;
}

/**
 * The `feed` package (through xml-js) escapes `&` and `"` in attribute values but not `<`,
 * which XML forbids there: a section titled "Politics <Live>" made Atom's `<category label>`
 * unreadable. This escapes `<` inside quoted attribute values of tags, leaving text and
 * CDATA sections (where the package already escapes everything) as they are.
 */
export function ltEscapedInAttributes(xml: string): string {
  let out = "";
  let at = 0;
  while (at < xml.length) {
    const open = xml.indexOf("<", at);
    if (open === -1) break;
    if (xml.startsWith("<![CDATA[", open)) {
      const end = xml.indexOf("]]>", open);
      const stop = end === -1 ? xml.length : end + 3;
      out += xml.slice(at, stop);
      at = stop;
      continue;
    }
    out += xml.slice(at, open + 1);
    // Inside a tag: copy up to its closing `>`, escaping `<` within quoted values.
    let quote = "";
    let i = open + 1;
    for (; i < xml.length; i++) {
      const c = xml[i] as string;
      if (quote) {
        if (c === quote) quote = "";
        out += c === "<" ? "&lt;" : c;
      } else {
        if (c === '"' || c === "'") quote = c;
        out += c;
        if (c === ">") break;
      }
    }
    at = i + 1;
  }
  return out + xml.slice(at);
}

/**
 * The `feed` package takes JS Dates and writes them in UTC (Atom `...Z`, RSS `GMT`): the
 * same instant as the site-zone time, with an explicit offset.
 */
function toJsDate(date: DateTime): Date {
  return date.toJSDate();
}
