import { type BodyLookup, bodyOf, type Written } from "../../markdown/bodyLookup.ts";
import type { SearchDocument } from "./searchDocuments.ts";

/** Hands the search index its documents while the bodies they need are being rendered. */
export interface SearchFeed {
  /** Sends, in order, the documents whose bodies are ready, up to the first that is not. */
  offer(bodies: BodyLookup): void;
  /** Sends the rest: every body must be ready. */
  finish(bodies: BodyLookup): void;
}

/**
 * A feed of the documents of `pages` (made by `document` from each page and its body) to
 * `send`. A document goes only once it and every page before it has its body, so the index
 * always receives the same pages in the same order and is built the same whatever the
 * timing of the body workers.
 */
export function searchFeed<T extends Written>(
  pages: readonly T[],
  document: (page: T, body: string) => SearchDocument,
  send: (documents: readonly SearchDocument[]) => void,
): SearchFeed {
  let next = 0;
  const sendReady = (bodyFor: (item: Written) => string | undefined) => {
    const ready: SearchDocument[] = [];
    for (let n = next; n < pages.length; n++) {
      const page = pages[n] as T;
      const body = bodyFor(page);
      if (body === undefined) break;
      ready.push(document(page, body));
    }
    // Counted once all are made: a missing body (an error) sends nothing.
    next += ready.length;
    if (ready.length > 0) send(ready);
  };
  return {
    offer: (bodies) => sendReady((item) => bodies.get(item.file)),
    finish: (bodies) => sendReady((item) => bodyOf(bodies, item)),
  };
}
