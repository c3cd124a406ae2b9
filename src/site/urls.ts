import type { DateTime } from "luxon";
import { formatUrlDate } from "./dates.ts";

/**
 * Every URL the site writes, root-relative and without the path prefix (layouts add it).
 * One place, so links and output files never disagree.
 */
export function articleUrl(sectionSlug: string, date: DateTime, slug: string): string {
  return `/${sectionSlug}/${formatUrlDate(date)}/${slug}/`;
}

/** A listing's page: page 1 is the listing itself, later pages `/<slug>/page/<n>/`. */
export function listingPageUrl(base: string, pageNumber: number): string {
  return pageNumber <= 1 ? base : `${base}page/${pageNumber}/`;
}

export function sectionUrl(slug: string): string {
  return `/${slug}/`;
}

export function plainPageUrl(slug: string): string {
  return `/${slug}/`;
}

export function topicUrl(slug: string): string {
  return `/topics/${slug}/`;
}

export const HOME_URL = "/";
export const TOPICS_URL = "/topics/";
export const SEARCH_URL = "/search/";
export const TOP_NEWS_URL = "/top-news/";
export const NOT_FOUND_URL = "/404.html";

/** Paths as analytics tools report them match with or without the trailing slash. */
export function normaliseUrlPath(path: string, pathPrefix: string): string {
  let result = path.trim().split(/[?#]/)[0] ?? "";
  if (pathPrefix !== "/" && result.startsWith(pathPrefix)) result = `/${result.slice(pathPrefix.length)}`;
  if (!result.startsWith("/")) result = `/${result}`;
  if (!result.endsWith("/") && !/\.[a-z0-9]+$/i.test(result)) result = `${result}/`;
  return result;
}
