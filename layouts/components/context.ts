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

/** What every component may read: the build's inputs and the parts many pages share. */
export interface BuildContext extends PageInputs {
  /** The HTML of parts many pages share, by name, made once per build (src/render/renderPage.tsx). */
  readonly parts: Map<string, string>;
}

/** A page's components may also read which page it is; the shared blocks file is no page. */
export interface PageContext extends BuildContext {
  readonly route: Route;
}

export const Page = createContext<BuildContext | PageContext | undefined>(undefined);

/** What the build gives: for components drawn both in pages and in the shared blocks file. */
export function useBuild(): BuildContext {
  const build = useContext(Page);
  if (!build) throw new Error("a layout component was rendered outside a page");
  return build;
}

export function usePage(): PageContext {
  const page = useBuild();
  if (!isPage(page)) throw new Error("a page's component was rendered outside a page");
  return page;
}

function isPage(context: BuildContext | PageContext): context is PageContext {
  return "route" in context;
}

/** The finished HTML of an article's or page's body: rendered, sanitised and minified once per build. */
export function useBodyHtml(item: Written): string {
  return bodyOf(usePage().bodies, item);
}

/** A root-relative site URL with the site's path prefix: every internal link goes through here. */
export function useHref(): (url: string) => string {
  const prefix = useBuild().site.config.pathPrefix;
  return (url) => withPrefix(prefix, url);
}

/** The absolute URL of a site path, for sharing and canonical links. */
export function useAbsoluteUrl(): (url: string) => string {
  const base = usePage().site.config.baseUrl;
  return (url) => absoluteUrl(base, url);
}
