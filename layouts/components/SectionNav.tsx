import type { Section } from "../../src/domain/section.ts";
import { sectionUrl } from "../../src/domain/urls.ts";
import { useHref, usePage } from "./context.ts";
import { useSamePerBuild } from "./samePerBuild.ts";

/**
 * The two-level section menu. On wide screens a top section's sections open on hover and
 * on keyboard focus (CSS only); on phones the menu button shows the whole tree.
 */
export function SectionNav({ current }: { readonly current: Section | undefined }) {
  const { site, route } = usePage();
  const listed = route.kind === "listing" ? route.page.listing.section : undefined;
  // What the menu marks differs by these three only: one rendering serves every page alike.
  const key = `section-nav|${route.kind === "home"}|${current?.slug ?? ""}|${listed?.slug ?? ""}`;
  const Menu = () => <SectionMenu current={current} />;
  return (
    <nav
      class="section-nav"
      aria-label={site.config.words.menu}
      // Safe: rendered by preact, which escapes every value.
      dangerouslySetInnerHTML={{ __html: useSamePerBuild(key, Menu) }}
    />
  );
}

function SectionMenu({ current }: { readonly current: Section | undefined }) {
  const { site, route } = usePage();
  const href = useHref();
  const { words } = site.config;
  const isPage = (section: Section) => route.kind === "listing" && route.page.listing.section === section;
  const mark = (section: Section) =>
    current === section || current?.parent === section ? (isPage(section) ? "page" : "true") : undefined;
  return (
    <div class="section-nav-inner">
      <button class="menu-toggle" type="button" aria-expanded="false" aria-controls="section-menu">
        <span class="menu-icon" aria-hidden="true" />
        {words.menu}
      </button>
      <ul class="nav-tops" id="section-menu">
        <li class="nav-top">
          <a href={href("/")} aria-current={route.kind === "home" ? "page" : undefined}>
            {words.home}
          </a>
        </li>
        {site.tree.tops.map((top) => {
          const children = top.sections.filter((section) => section !== top);
          return (
            <li class={children.length > 0 ? "nav-top has-sections" : "nav-top"} key={top.slug}>
              <a href={href(sectionUrl(top.slug))} aria-current={mark(top)}>
                {top.title}
              </a>
              {children.length > 0 && (
                <ul class="nav-sections">
                  {children.map((section) => (
                    <li key={section.slug}>
                      <a href={href(sectionUrl(section.slug))} aria-current={mark(section)}>
                        {section.title}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
