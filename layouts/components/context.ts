import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ImageLookup } from "../../src/domain/picture.ts";
import { type AssetUrls, absoluteUrl, withPrefix } from "../../src/domain/urls.ts";
import { type BodyLookup, bodyOf, type Written } from "../../src/markdown/bodyLookup.ts";
import type { Route } from "../../src/model/routes.ts";
import type { Site } from "../../src/model/site.ts";

/** What a build hands its pages: the site model, the assets, the processed pictures and the bodies. */
export interface PageInputs {
  readonly site: Site;
  readonly assets: AssetUrls;
  readonly images: ImageLookup;
  readonly bodies: BodyLookup;
}

/** What every component may read: the build's inputs, this page's route, and the parts pages share. */
export interface PageContext extends PageInputs {
  readonly route: Route;
  /** The HTML of parts many pages share, by name, made once per build (src/render/renderPage.tsx). */
  readonly parts: Map<string, string>;
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
  return (url) => withPrefix(prefix, url);
}

/** The absolute URL of a site path, for sharing and canonical links. */
export function useAbsoluteUrl(): (url: string) => string {
  const base = usePage().site.config.baseUrl;
  return (url) => absoluteUrl(base, url);
}
