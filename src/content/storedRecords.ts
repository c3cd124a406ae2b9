import type { DateTime } from "luxon";
import type { Alias, Article, ArticleImage, Correction, Tag } from "../domain/article.ts";
import type { BodyFacts } from "../domain/bodyFacts.ts";
import { instantInZone } from "../domain/dates.ts";
import { fingerprint } from "../domain/fingerprint.ts";
import type { PlainPage } from "../domain/page.ts";
import type { Problem } from "../domain/problem.ts";
import { ContentError } from "../domain/problem.ts";
import type { SectionTree } from "../domain/section.ts";
import { type ContentFolder, readContentText } from "./contentFolder.ts";
import { readFrontMatterBlock } from "./frontMatterBlock.ts";
import { publishState, type ReadResult } from "./readArticle.ts";

/**
 * A file's reading as plain data, for the build state kept on disk between builds: what
 * `node:v8` can write (no DateTime, no shared Section objects, no functions). Dates are
 * instants in milliseconds and take the site's zone back; a section is its slug; the body is
 * not kept (it is most of an article's bytes) and is read again from the file, which is
 * unchanged or the reading would not be kept. The publish state is not kept either: it is
 * the clock's to decide.
 */
export interface StoredReading {
  readonly item: StoredArticle | StoredPage | undefined;
  readonly problems: readonly Problem[];
}

type Millis = number;

export interface StoredArticle {
  readonly kind: "article";
  readonly file: string;
  readonly id: string;
  readonly version: string;
  readonly headline: string;
  readonly date: Millis;
  readonly updated: Millis | undefined;
  readonly section: string;
  readonly source: string;
  readonly editor: string;
  readonly author: string | undefined;
  readonly tags: readonly Tag[];
  /** Left out when it is the first paragraph (an article without its own summary): a third of the bytes. */
  readonly summary: string | undefined;
  readonly image: ArticleImage | undefined;
  readonly gallery: readonly ArticleImage[];
  readonly expires: Millis | undefined;
  readonly corrections: readonly { readonly date: Millis | undefined; readonly text: string }[];
  readonly aliases: readonly Alias[];
  readonly top: boolean;
  readonly draft: boolean;
  readonly slug: string;
  readonly url: string;
  readonly placeholder: boolean;
  readonly bodyLine: number;
  readonly facts: BodyFacts;
  readonly relatedPins: Article["relatedPins"];
}

export interface StoredPage extends Omit<PlainPage, "body"> {
  readonly kind: "page";
}

/** What reviving needs: the settings a reading was checked against, the clock, and the folder for bodies. */
export interface ReviveContext {
  readonly tree: SectionTree;
  readonly zone: string;
  readonly clock: DateTime;
  readonly folder: ContentFolder;
}

export function storedReading(result: ReadResult<Article | PlainPage>): StoredReading {
  const item = result.value;
  return { item: item && ("id" in item ? storedArticle(item) : storedPage(item)), problems: result.problems };
}

/** The kept reading as the build uses it; undefined when it cannot be (the file is then read again). */
export function revivedReading(
  stored: StoredReading,
  file: KeptFile,
  context: ReviveContext,
): ReadResult<Article | PlainPage> | undefined {
  const { item } = stored;
  if (item === undefined) return { value: undefined, problems: stored.problems };
  const value =
    item.kind === "article" ? revivedArticle(item, file, context) : revivedPage(item, file, context);
  return value && { value, problems: stored.problems };
}

function storedArticle(article: Article): StoredArticle {
  const {
    body: _body,
    state: _state,
    date,
    updated,
    expires,
    section,
    corrections,
    summary,
    ...rest
  } = article;
  return {
    ...rest,
    kind: "article",
    summary: summary === article.facts.firstParagraph ? undefined : summary,
    date: date.toMillis(),
    updated: updated?.toMillis(),
    expires: expires?.toMillis(),
    section: section.slug,
    corrections: corrections.map((correction) => ({
      date: correction.date?.toMillis(),
      text: correction.text,
    })),
  };
}

function storedPage(page: PlainPage): StoredPage {
  const { body: _body, ...rest } = page;
  return { ...rest, kind: "page" };
}

function revivedArticle(stored: StoredArticle, file: KeptFile, context: ReviveContext): Article | undefined {
  const { kind: _kind, date, updated, expires, section: slug, corrections, summary, ...rest } = stored;
  const section = context.tree.bySlug.get(slug);
  // The settings are those it was checked against (the state says so), so this should not
  // happen; if it does, the article is read again and checked, never left out unsaid.
  if (!section) return undefined;
  const at = (millis: Millis) => instantInZone(millis, context.zone);
  const when = at(date);
  const until = expires === undefined ? undefined : at(expires);
  const article: Omit<Article, "body"> = {
    ...rest,
    summary: summary ?? rest.facts.firstParagraph,
    date: when,
    updated: updated === undefined ? undefined : at(updated),
    expires: until,
    section,
    corrections: corrections.map(
      (c): Correction => ({ date: c.date === undefined ? undefined : at(c.date), text: c.text }),
    ),
    state: publishState(stored.draft, when, until, context.clock),
  };
  return withBodyFromFile(article, file, context.folder);
}

function revivedPage(stored: StoredPage, file: KeptFile, context: ReviveContext): PlainPage {
  const { kind: _kind, ...page } = stored;
  return withBodyFromFile(page, file, context.folder);
}

/** A file whose reading is kept: where it is in the content folder, and the hash of the text it was read from. */
export interface KeptFile {
  readonly relative: string;
  readonly hash: string;
}

/**
 * The item with a `body` read from its file on first use: most kept articles are never
 * rendered again, and holding every body would double the state's size and memory. The
 * text must still be the one the reading was kept from: a file saved again (or deleted) while
 * the build runs would give a page with the old fields and the new text (or none), so the
 * build stops and says so.
 */
function withBodyFromFile<T extends object>(
  item: T,
  file: KeptFile,
  folder: ContentFolder,
): T & { body: string } {
  let body: string | undefined;
  return Object.defineProperty(item, "body", {
    enumerable: true,
    get: () => {
      if (body === undefined) {
        const read = readContentText(folder, file.relative);
        // Gone since it was read (deleted, moved): the build stops, as it would reading it now.
        if ("problem" in read) throw new ContentError([read.problem]);
        if (fingerprint(read.text) !== file.hash)
          throw new ContentError([
            {
              severity: "error",
              file: folder.label(file.relative),
              line: 1,
              field: "file",
              message: "the file changed while the build was reading it; run the build again",
            },
          ]);
        body = readFrontMatterBlock(read.text)?.body ?? "";
      }
      return body;
    },
  }) as T & { body: string };
}
