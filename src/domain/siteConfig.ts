import { closest } from "fastest-levenshtein";
import { z } from "zod";
import { branchNameProblem } from "./branchName.ts";
import { isValidZone } from "./dates.ts";
import { HOSTS, isHost } from "./hosts.ts";
import { canonicalLanguage } from "./language.ts";
import { plainText } from "./plainText.ts";
import { ContentError, ENVIRONMENT, type Problem } from "./problem.ts";

/**
 * Everything a newsroom sets about its site, from `content/_data/site.json`: name, base URL,
 * zone, footer, copyright and every word of interface text. Another newsroom re-skins the
 * site by editing that file, not templates.
 */
const wordsSchema = z.strictObject({
  skipToContent: plainText,
  menu: plainText,
  home: plainText,
  search: plainText,
  searchPlaceholder: plainText,
  searchAllSections: plainText,
  searchSection: plainText,
  searchNoResults: plainText,
  searchResults: plainText,
  searchNeedsScript: plainText,
  share: plainText,
  copyLink: plainText,
  linkCopied: plainText,
  textSize: plainText,
  textSmall: plainText,
  textMedium: plainText,
  textLarge: plainText,
  print: plainText,
  editor: plainText,
  by: plainText,
  updated: plainText,
  correction: plainText,
  corrections: plainText,
  movedTo: plainText,
  draft: plainText,
  scheduled: plainText,
  expired: plainText,
  relatedNews: plainText,
  mostPopular: plainText,
  latest: plainText,
  topNews: plainText,
  topStories: plainText,
  photo: plainText,
  video: plainText,
  morePhotos: plainText,
  moreTopNews: plainText,
  moreVideos: plainText,
  moreIn: plainText,
  tags: plainText,
  table: plainText,
  topic: plainText,
  topics: plainText,
  topicsIntro: plainText,
  siteMap: plainText,
  feeds: plainText,
  backToTop: plainText,
  pagination: plainText,
  previousPage: plainText,
  nextPage: plainText,
  page: plainText,
  notFoundTitle: plainText,
  notFoundText: plainText,
  notFoundHome: plainText,
  noArticles: plainText,
});

/**
 * The site's address: an http or https origin with a path at most. It reaches every page,
 * feed and sitemap, so it is checked as strictly as anything an editor writes.
 */
function siteUrlProblem(text: string): string | undefined {
  const example = "write it like https://news.example.org/ or https://user.github.io/newsroom/";
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return `"${text}" is not a web address; ${example}`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `"${text}" must start with https:// (or http://); ${example}`;
  if (url.username || url.password) return `"${text}" must not hold a user name or password`;
  if (url.search || url.hash || text.includes("?") || text.includes("#"))
    return `"${text}" must not hold a query (?) or a fragment (#); ${example}`;
  return pathPrefixProblem(url.pathname);
}

/** Each part of the path prefix: the characters a URL path takes as they are, or %-escapes. */
const PREFIX_SEGMENT = /^(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+$/;

function pathPrefixProblem(prefix: string): string | undefined {
  const segments = prefix.split("/").filter(Boolean);
  const bad = segments.find((s) => !PREFIX_SEGMENT.test(s) || s === "." || s === "..");
  return bad === undefined
    ? undefined
    : `the path "${prefix}" may hold only letters, digits and - . _ ~ between its slashes, like /newsroom/`;
}

/**
 * Where the web editor (/admin/) saves on the published site: a GitHub repository, its
 * branch, and the OAuth proxy that signs editors in with GitHub (docs/editing.md). Without
 * it, the web editor works on this computer only (`npm start`).
 */
const webEditorSchema = z.strictObject({
  repo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, "must be a GitHub repository as owner/name, like eastbridge/newsroom"),
  branch: z
    .string()
    .default("main")
    .superRefine((name, ctx) => {
      const problem = branchNameProblem(name);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  authUrl: z.string().superRefine((url, ctx) => {
    const problem = /^https:\/\//.test(url) ? siteUrlProblem(url) : `"${url}" must start with https://`;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
});

export const siteConfigSchema = z.strictObject({
  name: plainText.min(1),
  tagline: plainText,
  url: z.string().superRefine((url, ctx) => {
    const problem = siteUrlProblem(url);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  pathPrefix: z
    .string()
    .default("/")
    .superRefine((prefix, ctx) => {
      const problem = pathPrefixProblem(prefix);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** A BCP 47 language tag (`en`, `en-GB`, `zh-Hans`), kept in its canonical case. */
  language: z.string().transform((tag, ctx) => {
    const canonical = canonicalLanguage(tag);
    if (canonical) return canonical;
    ctx.addIssue({
      code: "custom",
      message: `"${tag}" is not a language tag; write it like en, en-GB or zh-Hans`,
    });
    return z.NEVER;
  }),
  timeZone: z
    .string()
    .default("Asia/Shanghai")
    .refine(isValidZone, "is not a time zone name; write one like Asia/Shanghai or Europe/London"),
  perPage: z.number().int().min(1).max(200),
  relatedCount: z.number().int().min(0).max(20),
  /**
   * Articles per part of the search index, at most where a span of time can be split
   * (src/model/searchParts.ts). A change re-indexes only its part, so small parts keep
   * publishing fast; the search page searches the newest part first and merges the others
   * as they arrive, each one more small download.
   */
  searchPartSize: z.number().int().min(1).default(1_000),
  /** Where the site is published; the build then warns when the site passes that host's limits. */
  host: z
    .string()
    .transform((name, ctx) => {
      if (isHost(name)) return name;
      ctx.addIssue({
        code: "custom",
        message: `unknown host "${name}" (did you mean "${closest(name, [...HOSTS])}"?); write one of ${HOSTS.join(", ")}, or leave host out`,
      });
      return z.NEVER;
    })
    .optional(),
  footerPages: z.array(z.string()),
  /** The sections whose newest articles fill the Photo and Video blocks. */
  photoSection: z.string(),
  videoSection: z.string(),
  copyright: z.strictObject({
    startYear: z.number().int(),
    holder: plainText,
    rights: plainText,
    notice: plainText,
  }),
  words: wordsSchema,
  webEditor: webEditorSchema.optional(),
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

/** The environment variables that change the site's settings (below): a change to them changes every page. */
export const SITE_VARIABLES = ["SITE_URL", "PATH_PREFIX"] as const;

/**
 * Applies the environment's `SITE_URL` and `PATH_PREFIX` over the file's values, so one
 * content folder builds for any host. A `SITE_URL` with a path implies that prefix.
 * Throws ContentError naming the variable when either is not an address.
 */
export function resolveSiteConfig(
  parsed: z.infer<typeof siteConfigSchema>,
  env: NodeJS.ProcessEnv = process.env,
): SiteConfig {
  const problems: Problem[] = [];
  const fromEnv = (name: string, problemOf: (value: string) => string | undefined) => {
    const value = env[name];
    if (value === undefined || value.trim() === "") return undefined;
    const problem = problemOf(value);
    if (problem)
      problems.push({ severity: "error", file: ENVIRONMENT, line: 0, field: name, message: problem });
    return problem ? undefined : value.trim();
  };
  const envUrl = fromEnv("SITE_URL", siteUrlProblem);
  const envPrefix = fromEnv("PATH_PREFIX", pathPrefixProblem);
  if (problems.length > 0) throw new ContentError(problems);
  const url = new URL(envUrl ?? parsed.url);
  const prefix = normalisePathPrefix(envPrefix ?? (url.pathname !== "/" ? url.pathname : parsed.pathPrefix));
  return { ...parsed, pathPrefix: prefix, baseUrl: `${url.origin}${prefix.replace(/\/$/, "")}` };
}
