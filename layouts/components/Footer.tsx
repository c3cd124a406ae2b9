import { useHref, usePage } from "./context.ts";
import { useSamePerBuild } from "./samePerBuild.ts";

/** Back to top, footer links to the plain pages, and the copyright line (years end at the build clock's year). */
export function Footer() {
  // Safe: rendered by preact, which escapes every value.
  return (
    <footer
      class="site-footer"
      dangerouslySetInnerHTML={{ __html: useSamePerBuild("footer", FooterInner) }}
    />
  );
}

function FooterInner() {
  const { site } = usePage();
  const href = useHref();
  const { copyright, words } = site.config;
  const year = site.clock.setZone(site.config.timeZone).year;
  const years = year > copyright.startYear ? `${copyright.startYear}-${year}` : String(copyright.startYear);
  return (
    <>
      {/* Inside the footer landmark, so no page content sits outside a landmark. */}
      <p class="back-to-top">
        <a href="#top">{words.backToTop}</a>
      </p>
      <ul class="footer-links">
        {site.footerPages.map((page) => (
          <li key={page.slug}>
            <a href={href(page.url)}>{page.title}</a>
          </li>
        ))}
      </ul>
      <p class="copyright">
        Copyright ©{years} {copyright.holder}. {copyright.rights}
      </p>
      <p class="notice">{copyright.notice}</p>
    </>
  );
}
