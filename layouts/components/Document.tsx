import type { ComponentChildren } from "preact";
import type { Section } from "../../src/domain/section.ts";
import { feedLinksFor } from "../../src/render/head/feedLinks.ts";
import { openGraph, type PageMeta, twitterCard } from "../../src/render/head/metaTags.ts";
import type { JsonObject } from "../../src/render/head/structuredData.ts";
import { useAbsoluteUrl, useHref, usePage } from "./context.ts";
import { Footer } from "./Footer.tsx";
import { Masthead } from "./Masthead.tsx";
import { SectionNav } from "./SectionNav.tsx";
import { SiteMap } from "./SiteMap.tsx";

/**
 * Marks the page as scripted and applies the remembered text size before the first paint,
 * so readers never see the default size flash. Kept tiny and inline for that reason.
 */
const FIRST_PAINT_SCRIPT =
  'document.documentElement.classList.add("js");try{var s=localStorage.getItem("newsdesk:text-size");' +
  'if(s==="small"||s==="large")document.documentElement.setAttribute("data-text-size",s)}catch(e){}';

interface DocumentProps {
  /** The `<title>`, with the site's name. */
  readonly title: string;
  readonly description: string;
  /** The section this page belongs to, marked in the navigation; its feeds are linked too. */
  readonly section?: Section | undefined;
  /** What the page says of itself when shared (Open Graph, Twitter); by default its title and URL. */
  readonly share?: PageMeta | undefined;
  /** schema.org JSON-LD objects for search engines. */
  readonly structuredData?: readonly JsonObject[] | undefined;
  readonly children: ComponentChildren;
}

/** JSON for a `<script>` element: `<` escaped so no value can close the element. */
function scriptJson(value: JsonObject): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

/** The page shell shared by every page: head, masthead, navigation, main, site map, footer. */
export function Document({
  title,
  description,
  section,
  share,
  structuredData = [],
  children,
}: DocumentProps) {
  const { site, route, assets, images } = usePage();
  const href = useHref();
  const absolute = useAbsoluteUrl();
  const { words } = site.config;
  const meta = share ?? { title, description, url: route.url };
  return (
    <html lang={site.config.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        {route.kind !== "notFound" && <link rel="canonical" href={absolute(route.url)} />}
        {feedLinksFor(site, section).map((feed) => (
          <link key={feed.url} rel="alternate" type={feed.type} title={feed.title} href={href(feed.url)} />
        ))}
        {openGraph(site, meta, images).map((tag) => (
          <meta key={`${tag.property}${tag.content}`} property={tag.property} content={tag.content} />
        ))}
        {twitterCard(site, meta, images).map((tag) => (
          <meta key={tag.name} name={tag.name} content={tag.content} />
        ))}
        {structuredData.map((data) => (
          // Safe: JSON with "<" escaped (scriptJson), so it cannot end the script element.
          <script
            key={String(data["@type"])}
            type="application/ld+json"
            dangerouslySetInnerHTML={{ __html: scriptJson(data) }}
          />
        ))}
        {/* Safe: a constant of this file, no data. */}
        <script dangerouslySetInnerHTML={{ __html: FIRST_PAINT_SCRIPT }} />
        <link rel="icon" href={href(assets.icon)} type="image/svg+xml" />
        <link rel="stylesheet" href={href(assets.css)} />
        <link rel="stylesheet" href={href(assets.printCss)} media="print" />
        <script src={href(assets.js)} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {words.skipToContent}
        </a>
        <Masthead />
        <SectionNav current={section} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteMap />
        <Footer />
      </body>
    </html>
  );
}
