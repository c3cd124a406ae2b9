import type { DateTime } from "luxon";
import type { BodyFacts } from "./bodyFacts.ts";
import type { Section } from "./section.ts";

/** A picture an editor names: its path in the content folder and its words. */
export interface ArticleImage {
  readonly src: string;
  readonly alt: string;
  readonly caption?: string | undefined;
  readonly credit?: string | undefined;
}

/** A tag as written, and its URL slug; tags differing only in case or spacing share a slug. */
export interface Tag {
  readonly name: string;
  readonly slug: string;
}

/**
 * Publish state at the build's clock. A production build lists only `published`
 * articles and keeps the pages of `expired` ones (old links work); drafts and scheduled
 * articles are left out. The preview shows all, clearly marked.
 */
export type PublishState = "published" | "expired" | "draft" | "scheduled";

export interface Correction {
  /** When the correction was made; undefined for a plain `correction: text`. */
  readonly date: DateTime | undefined;
  readonly text: string;
}

/** One checked article. Everything after the contract check trusts these types. */
export interface Article {
  /** Project-relative path of the source, e.g. `content/articles/2016/11/baotou.md`. */
  readonly file: string;
  /** Path relative to `content/articles`, e.g. `2016/11/baotou.md`: how editors name articles. */
  readonly id: string;
  /** A fingerprint of the file (its path and text): the same file, the same version, the same page. */
  readonly version: string;
  readonly headline: string;
  /** Publication time, in the site's zone. */
  readonly date: DateTime;
  readonly updated: DateTime | undefined;
  readonly section: Section;
  readonly source: string;
  readonly editor: string;
  readonly author: string | undefined;
  readonly tags: readonly Tag[];
  /** The editor's summary, or the first paragraph as plain text. */
  readonly summary: string;
  readonly image: ArticleImage | undefined;
  /** A photo story's pictures, in order. */
  readonly gallery: readonly ArticleImage[];
  readonly expires: DateTime | undefined;
  readonly corrections: readonly Correction[];
  /** Old URL paths that redirect to this article, each with its line in the file. */
  readonly aliases: readonly Alias[];
  readonly top: boolean;
  /** Held back by the editor (`draft: true`), whatever the date. */
  readonly draft: boolean;
  readonly state: PublishState;
  readonly slug: string;
  /** Root-relative URL without the site's path prefix: `/economy/2016-11-05/baotou/`. */
  readonly url: string;
  /**
   * The Markdown body, rendered only when its page is. An article kept from an earlier build
   * reads it from its file when asked (its file is unchanged, or it would have been read again).
   */
  readonly body: string;
  /** The body still holds `npm run new`'s placeholder paragraph: not ready to publish. */
  readonly placeholder: boolean;
  /** The file line where the body starts, for problems found in it. */
  readonly bodyLine: number;
  /** What the body holds: pictures, links, how deep it nests, its first paragraph. */
  readonly facts: BodyFacts;
  /** The editor's pinned related articles (ids), each with its line in the file (checked across files). */
  readonly relatedPins: readonly { readonly id: string; readonly line: number }[];
}

/** An old address of an article (root-relative, without the path prefix), and where the editor wrote it. */
export interface Alias {
  readonly url: string;
  readonly line: number;
}

/** Newest first; equal times by URL, so every list has one fixed order. */
export function newestFirst(a: Article, b: Article): number {
  return b.date.toMillis() - a.date.toMillis() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}
