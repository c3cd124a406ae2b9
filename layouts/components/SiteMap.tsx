import { sectionUrl } from "../../src/domain/urls.ts";
import { useHref, usePage } from "./context.ts";
import { useSamePerBuild } from "./samePerBuild.ts";

/** The whole two-level section tree at the foot of every page. */
export function SiteMap() {
  const { site } = usePage();
  return (
    <nav
      class="site-map"
      aria-label={site.config.words.siteMap}
      // Safe: rendered by preact, which escapes every value.
      dangerouslySetInnerHTML={{ __html: useSamePerBuild("site-map", SiteMapInner) }}
    />
  );
}

function SiteMapInner() {
  const { site } = usePage();
  const href = useHref();
  return (
    <div class="site-map-inner">
      {site.tree.tops.map((top) => (
        <div class="site-map-group" key={top.slug}>
          <h2 class="site-map-top">
            <a href={href(sectionUrl(top.slug))}>{top.title}</a>
          </h2>
          <ul>
            {top.sections.map((section) => (
              <li key={section.slug}>
                <a href={href(sectionUrl(section.slug))}>{section.title}</a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
