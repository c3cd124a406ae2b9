import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** One reference from a built file to a URL, and where it was found. */
export interface Reference {
  readonly from: string;
  readonly url: string;
  /** True for what the browser loads by itself (stylesheets, scripts, images, icons). */
  readonly loads: boolean;
}

const ATTRIBUTE = /<(a|link|script|img|source|iframe|form)\b[^>]*?\s(href|src|srcset|action)="([^"]*)"/gi;
const META_URL = /<meta\s+(?:property|name)="(?:og:url|og:image|twitter:image)"\s+content="([^"]*)"/gi;
const JSON_LD = /<script type="application\/ld\+json">(.*?)<\/script>/gs;
const CSS_URL = /url\(\s*['"]?([^'")]+)['"]?\s*\)/g;
const XML_URL = /<(?:loc|link|id|guid|uri)(?:\s[^>]*)?>([^<]+)<\/|\shref="([^"]+)"/g;

function decode(value: string): string {
  return value.replaceAll("&amp;", "&").replaceAll("&quot;", '"').replaceAll("&#39;", "'");
}

function jsonStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === "object") return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** Every URL that the built site's HTML, CSS, XML and robots.txt refer to. */
export function collectReferences(site: string): Reference[] {
  const references: Reference[] = [];
  const files = readdirSync(site, { recursive: true, encoding: "utf8" }).filter(
    (f) => !f.startsWith("pagefind"),
  );
  for (const file of files) {
    const full = path.join(site, file);
    const text = /\.(html|css|xml|txt)$/.test(file) ? readFileSync(full, "utf8") : "";
    const add = (url: string, loads: boolean) => references.push({ from: file, url: decode(url), loads });
    if (file.endsWith(".html")) {
      for (const [, tag, attribute, value = ""] of text.matchAll(ATTRIBUTE)) {
        const loads = tag !== "a" && tag !== "form" && !/rel="(?:canonical|alternate)"/.test(value);
        const urls =
          attribute === "srcset"
            ? value.split(",").map((part) => part.trim().split(/\s+/)[0] ?? "")
            : [value];
        for (const url of urls)
          add(url, loads && tag !== "link" ? true : tag === "link" && !url.endsWith("/"));
      }
      for (const [, url = ""] of text.matchAll(META_URL)) add(url, false);
      for (const [, json = ""] of text.matchAll(JSON_LD)) {
        for (const value of jsonStrings(JSON.parse(json))) if (/^https?:\/\//.test(value)) add(value, false);
      }
    } else if (file.endsWith(".css")) {
      for (const [, url = ""] of text.matchAll(CSS_URL)) add(url, true);
    } else if (file.endsWith(".xml")) {
      for (const [, text1, href] of text.matchAll(XML_URL)) add((text1 ?? href ?? "").trim(), false);
    } else if (file.endsWith(".txt")) {
      for (const [, url = ""] of text.matchAll(/^Sitemap:\s*(\S+)/gm)) add(url, false);
    }
  }
  return references;
}

/**
 * The references that do not resolve to a file of the built site. `base` is the site's
 * absolute base URL (with its path prefix); `prefix` the path prefix.
 */
export function brokenReferences(site: string, base: string, prefix: string): string[] {
  const broken: string[] = [];
  for (const reference of collectReferences(site)) {
    const { url, from } = reference;
    if (!url || url.startsWith("#") || /^(mailto|tel|data):/.test(url)) continue;
    let target: string;
    if (/^https?:\/\//.test(url)) {
      if (!url.startsWith(base)) {
        if (reference.loads) broken.push(`${from}: loads ${url} from another host`);
        continue;
      }
      target = `${prefix}${url.slice(base.length).replace(/^\//, "")}`;
    } else if (url.startsWith("/")) {
      target = url;
    } else {
      const page = `/${from.replace(/index\.html$/, "")}`;
      target = new URL(url, `http://x${page}`).pathname;
    }
    target = target.split(/[?#]/)[0] ?? "";
    if (!target.startsWith(prefix)) {
      broken.push(`${from}: ${url} is outside the path prefix ${prefix}`);
      continue;
    }
    const relative = decodeURIComponent(target.slice(prefix.length));
    const file = path.join(
      site,
      relative.endsWith("/") || relative === "" ? `${relative}index.html` : relative,
    );
    if (!existsSync(file)) broken.push(`${from}: ${url}`);
  }
  return broken;
}
