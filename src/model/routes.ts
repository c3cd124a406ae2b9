import type { Article } from "../domain/article.ts";
import type { PlainPage } from "../domain/page.ts";
import type { ListingPage } from "./listings.ts";

/**
 * One page of the built site. The model lists every route once; the single page template
 * renders each with the layout its kind names (the one place that picks a layout).
 */
export type Route =
  | { readonly kind: "home"; readonly url: string }
  | { readonly kind: "article"; readonly url: string; readonly article: Article }
  | { readonly kind: "redirect"; readonly url: string; readonly target: Article }
  | { readonly kind: "listing"; readonly url: string; readonly page: ListingPage }
  | { readonly kind: "page"; readonly url: string; readonly page: PlainPage }
  | { readonly kind: "popular"; readonly url: string }
  | { readonly kind: "topics"; readonly url: string }
  | { readonly kind: "search"; readonly url: string }
  | { readonly kind: "notFound"; readonly url: string };
