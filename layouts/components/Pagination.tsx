import { listingPageUrl } from "../../src/domain/urls.ts";
import { type ListingPage, pageNumbersToShow } from "../../src/model/listings.ts";
import { useHref, usePage } from "./context.ts";

/** Numbered pages with Previous and Next; which numbers show is decided in src/site/listings.ts. */
export function Pagination({ page }: { readonly page: ListingPage }) {
  const { words } = usePage().site.config;
  const href = useHref();
  if (page.pageCount <= 1) return null;
  const url = (n: number) => href(listingPageUrl(page.listing.url, n));
  return (
    <nav class="pagination" aria-label={words.pagination}>
      <ul>
        {page.pageNumber > 1 && (
          <li>
            <a href={url(page.pageNumber - 1)} rel="prev">
              {words.previousPage}
            </a>
          </li>
        )}
        {pageNumbersToShow(page.pageNumber, page.pageCount).map((n, i) =>
          n === "gap" ? (
            <li key={`gap-${i}`} class="gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <a
                href={url(n)}
                aria-current={n === page.pageNumber ? "page" : undefined}
                aria-label={`${words.page} ${n}`}
              >
                {n}
              </a>
            </li>
          ),
        )}
        {page.pageNumber < page.pageCount && (
          <li>
            <a href={url(page.pageNumber + 1)} rel="next">
              {words.nextPage}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
