import { SEARCH_URL } from "../../src/domain/urls.ts";
import { useHref, usePage } from "../components/context.ts";
import { Document } from "../components/Document.tsx";

/**
 * Site search, run in the browser over the Pagefind index the build writes (in parts on
 * a large site, merged here). `?q=word` opens with the results; the section filter is the
 * article's top section.
 */
export function SearchPage() {
  const { site, assets } = usePage();
  const href = useHref();
  const { words } = site.config;
  return (
    <Document title={`${words.search} - ${site.config.name}`} description={words.searchPlaceholder}>
      <div class="search-page">
        <h1 class="listing-title" id="search-title">
          {words.search}
        </h1>
        {/* Named, so it is told apart from the masthead's search landmark (axe landmark-unique). */}
        {/* biome-ignore lint/a11y/useSemanticElements: role=search on a form is the landmark assistive tech knows best */}
        <form
          class="search-form"
          aria-labelledby="search-title"
          action={href(SEARCH_URL)}
          method="get"
          role="search"
          data-search-form=""
          data-base={site.config.pathPrefix}
          data-index={site.searchParts.map((part) => part.folder).join(" ")}
        >
          <label class="visually-hidden" for="search-q">
            {words.search}
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            placeholder={words.searchPlaceholder}
            autocomplete="off"
          />
          <label class="search-section-label" for="search-section">
            {words.searchSection}
          </label>
          <select id="search-section" name="section">
            <option value="">{words.searchAllSections}</option>
            {site.tree.tops.map((top) => (
              <option key={top.slug} value={top.title}>
                {top.title}
              </option>
            ))}
          </select>
          <button type="submit">{words.search}</button>
        </form>
        <p class="search-status" data-search-status="" aria-live="polite" />
        <ol
          class="article-list search-results"
          data-search-results=""
          data-no-results={words.searchNoResults}
          data-results-word={words.searchResults}
        />
        <noscript>
          <p class="empty">{words.searchNeedsScript}</p>
        </noscript>
      </div>
      <script src={href(assets.searchJs)} defer />
    </Document>
  );
}
