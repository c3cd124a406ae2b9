import type { ComponentChildren } from "preact";
import type { Section } from "../../src/site/sections.ts";
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
  readonly title: string;
  readonly description: string;
  /** The section this page belongs to, marked in the navigation. */
  readonly section?: Section | undefined;
  readonly children: ComponentChildren;
}

/** The page shell shared by every page: head, masthead, navigation, main, site map, footer. */
export function Document({ title, description, section, children }: DocumentProps) {
  const { site, route, assets } = usePage();
  const href = useHref();
  const absolute = useAbsoluteUrl();
  const { words } = site.config;
  return (
    <html lang={site.config.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={description} />
        {route.kind !== "notFound" && <link rel="canonical" href={absolute(route.url)} />}
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
        <p class="back-to-top">
          <a href="#top">{words.backToTop}</a>
        </p>
        <Footer />
      </body>
    </html>
  );
}
