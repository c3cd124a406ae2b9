import { SEARCH_URL } from "../../src/domain/urls.ts";
import { useHref, usePage } from "./context.ts";
import { useSamePerBuild } from "./samePerBuild.ts";

/** The publication's name and tagline, and the search box; the anchor Back to top returns to. */
export function Masthead() {
  // Safe: rendered by preact, which escapes every value.
  return (
    <header
      class="masthead"
      id="top"
      dangerouslySetInnerHTML={{ __html: useSamePerBuild("masthead", MastheadInner) }}
    />
  );
}

function MastheadInner() {
  const { site } = usePage();
  const href = useHref();
  const { words } = site.config;
  return (
    <div class="masthead-inner">
      <a class="brand" href={href("/")}>
        <span class="brand-name">{site.config.name}</span>
        <span class="brand-tagline">{site.config.tagline}</span>
      </a>
      {/* biome-ignore lint/a11y/useSemanticElements: role=search on a form is the landmark assistive tech knows best */}
      <form class="masthead-search" action={href(SEARCH_URL)} method="get" role="search">
        <label class="visually-hidden" for="masthead-q">
          {words.search}
        </label>
        <input id="masthead-q" name="q" type="search" placeholder={words.searchPlaceholder} />
        <button type="submit">{words.search}</button>
      </form>
    </div>
  );
}
