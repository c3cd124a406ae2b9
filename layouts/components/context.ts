import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { type BodyLookup, bodyOf, type Written } from "../../src/render/articleBody.ts";
import type { AssetUrls } from "../../src/render/assets.ts";
import type { ImageLookup } from "../../src/render/images.ts";
import type { Site } from "../../src/site/model.ts";
import type { Route } from "../../src/site/routes.ts";

/** What every component may read: the site model, this page's route, assets, processed pictures and bodies. */
export interface PageContext {
  readonly site: Site;
  readonly route: Route;
  readonly assets: AssetUrls;
  readonly images: ImageLookup;
  readonly bodies: BodyLookup;
}

export const Page = createContext<PageContext | undefined>(undefined);

export function usePage(): PageContext {
  const page = useContext(Page);
  if (!page) throw new Error("a layout component was rendered outside a page");
  return page;
}

/** The finished HTML of an article's or page's body: rendered, sanitised and minified once per build. */
export function useBodyHtml(item: Written): string {
  return bodyOf(usePage().bodies, item);
}

/** A root-relative site URL with the site's path prefix: every internal link goes through here. */
export function useHref(): (url: string) => string {
  const prefix = usePage().site.config.pathPrefix;
  return (url) => (url.startsWith("/") ? `${prefix}${url.slice(1)}` : url);
}

/** The absolute URL of a site path, for sharing and canonical links. */
export function useAbsoluteUrl(): (url: string) => string {
  const base = usePage().site.config.baseUrl;
  return (url) => `${base}${url}`;
}
