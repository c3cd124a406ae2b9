import { z } from "zod";
import { isValidZone } from "./dates.ts";

/**
 * Everything a newsroom sets about its site, from `content/_data/site.json`: name, base URL,
 * zone, footer, copyright and every word of interface text. Another newsroom re-skins the
 * site by editing that file, not templates.
 */
const wordsSchema = z.strictObject({
  skipToContent: z.string(),
  menu: z.string(),
  home: z.string(),
  search: z.string(),
  searchPlaceholder: z.string(),
  searchAllSections: z.string(),
  searchSection: z.string(),
  searchNoResults: z.string(),
  searchResults: z.string(),
  searchNeedsScript: z.string(),
  share: z.string(),
  copyLink: z.string(),
  linkCopied: z.string(),
  textSize: z.string(),
  textSmall: z.string(),
  textMedium: z.string(),
  textLarge: z.string(),
  print: z.string(),
  editor: z.string(),
  by: z.string(),
  updated: z.string(),
  correction: z.string(),
  corrections: z.string(),
  movedTo: z.string(),
  draft: z.string(),
  scheduled: z.string(),
  expired: z.string(),
  relatedNews: z.string(),
  mostPopular: z.string(),
  latest: z.string(),
  topNews: z.string(),
  topStories: z.string(),
  photo: z.string(),
  video: z.string(),
  morePhotos: z.string(),
  moreTopNews: z.string(),
  moreVideos: z.string(),
  moreIn: z.string(),
  tags: z.string(),
  table: z.string(),
  topic: z.string(),
  topics: z.string(),
  topicsIntro: z.string(),
  siteMap: z.string(),
  feeds: z.string(),
  backToTop: z.string(),
  pagination: z.string(),
  previousPage: z.string(),
  nextPage: z.string(),
  page: z.string(),
  notFoundTitle: z.string(),
  notFoundText: z.string(),
  notFoundHome: z.string(),
  noArticles: z.string(),
});

export const siteConfigSchema = z.strictObject({
  name: z.string().min(1),
  tagline: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  pathPrefix: z.string().default("/"),
  language: z.string().min(2),
  timeZone: z.string().default("Asia/Shanghai").refine(isValidZone, "is not a time zone luxon knows"),
  perPage: z.number().int().min(1).max(200),
  relatedCount: z.number().int().min(0).max(20),
  /**
   * Pages per part of the search index. Pagefind holds a part in memory while it builds
   * it (about 150 KiB a page), so smaller parts bound the build's memory; the search page
   * merges the parts, each one more small download per search.
   */
  searchPartSize: z.number().int().min(1).default(5_000),
  footerPages: z.array(z.string()),
  /** The sections whose newest articles fill the Photo and Video blocks. */
  photoSection: z.string(),
  videoSection: z.string(),
  copyright: z.strictObject({
    startYear: z.number().int(),
    holder: z.string(),
    rights: z.string(),
    notice: z.string(),
  }),
  words: wordsSchema,
});

export type Words = z.infer<typeof wordsSchema>;

export interface SiteConfig extends Omit<z.infer<typeof siteConfigSchema>, "url" | "pathPrefix"> {
  /** Origin and path of the site's root, without a trailing slash: `https://example.org/newsroom`. */
  readonly baseUrl: string;
  /** `/` or `/newsroom/`: prepended to every internal link. */
  readonly pathPrefix: string;
}

/** `newsroom`, `/newsroom`, `/newsroom/` all mean `/newsroom/`. */
export function normalisePathPrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/**
 * Applies the environment's `SITE_URL` and `PATH_PREFIX` over the file's values, so one
 * content folder builds for any host. A `SITE_URL` with a path implies that prefix.
 */
export function resolveSiteConfig(
  parsed: z.infer<typeof siteConfigSchema>,
  env: NodeJS.ProcessEnv = process.env,
): SiteConfig {
  const url = new URL(env.SITE_URL?.trim() || parsed.url);
  const prefix = normalisePathPrefix(
    env.PATH_PREFIX ?? (url.pathname !== "/" ? url.pathname : parsed.pathPrefix),
  );
  return { ...parsed, pathPrefix: prefix, baseUrl: `${url.origin}${prefix.replace(/\/$/, "")}` };
}
