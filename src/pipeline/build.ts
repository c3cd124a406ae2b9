import { readFileSync } from "node:fs";
import type { DateTime } from "luxon";
import type { ContentFolder } from "../content/contentFolder.ts";
import type { ContentRecords } from "../content/readContent.ts";
import type { Article } from "../domain/article.ts";
import { fingerprint } from "../domain/fingerprint.ts";
import { searchLanguage } from "../domain/language.ts";
import type { PlainPage } from "../domain/page.ts";
import type { ImageLookup } from "../domain/picture.ts";
import { isSitePath, normaliseSrc, outputPathOf, SEARCH_FOLDER } from "../domain/urls.ts";
import type { BodyLookup } from "../markdown/bodyHtml.ts";
import { type RelatedTerms, relatedTerms } from "../model/related/related.ts";
import { siteSearchParts } from "../model/searchParts.ts";
import type { BuildMode, Site } from "../model/site.ts";
import { siteAssets } from "../output/assets.ts";
import { failpoint } from "../output/failpoint.ts";
import { buildFeeds } from "../output/feeds.ts";
import { imageSources, pictureFiles, processImages, usersOf } from "../output/images.ts";
import { type Searchable, searchables } from "../output/search/searchDocuments.ts";
import { type SearchFeed, searchFeed } from "../output/search/searchFeed.ts";
import { buildSitemaps } from "../output/sitemaps.ts";
import type { Writer } from "../output/writer.ts";
import { renderKeys } from "../render/renderKeys.ts";
import { pageRenderer } from "../render/renderPage.tsx";
import { renderBodies } from "../workers/bodyPool.ts";
import { type SearchIndexRun, startSearchIndex } from "../workers/searchIndex.ts";
import { checkedSite, failOnErrors } from "./checkSite.ts";

/**
 * The build, one function for every kind of run: `npm run build` (cold), and the preview's
 * update after a save, which passes what changed and the state of its last build.
 *
 *   files ─▶ read + check ─▶ Content ─▶ model ─▶ Site ─▶ outputs planned and checked
 *        ─▶ pictures, bodies ─▶ pages (those whose content changed) ─▶ writer
 *        ─▶ feeds, sitemaps, assets and the search index, from the same Site
 *
 * `changes` and `previous` only narrow the work: an unchanged file is not read again, an
 * unchanged body not rendered again, and a page whose key (a fingerprint of everything it
 * shows) is the key it had is neither rendered nor written. What the folder then holds is
 * what a cold build of the same files and clock writes.
 */
export interface BuildOptions {
  readonly folder: ContentFolder;
  readonly mode: BuildMode;
  readonly clock: DateTime;
  readonly env?: NodeJS.ProcessEnv;
  /** The project, for its assets (layouts/assets/). */
  readonly projectRoot: string;
  /** Where processed pictures are kept between builds. */
  readonly imageCache: string;
  readonly writer: Writer;
  /**
   * The search index is built alongside, and the build waits for it ("with the build"); or
   * the caller starts it once the pages are out (the preview), with `BuildResult.indexSearch`.
   */
  readonly search: "with the build" | "after";
  /** Told of each page rendered, for a progress line. */
  readonly onProgress?: (rendered: number, total: number) => void;
}

/** Paths in the content folder that may have changed since the last build (what the preview's watcher saw). */
export type ChangeSet = ReadonlySet<string>;

/** What a build leaves for the next: everything it may use again. */
export interface BuildState {
  readonly records: ContentRecords;
  readonly relatedTerms: RelatedTerms;
  /** Each body's HTML with the fingerprint of what it was made from, by source file. */
  readonly bodies: ReadonlyMap<string, { readonly key: string; readonly html: string }>;
  /** Each output file (relative to the site root) with the fingerprint of what it holds. */
  readonly outputs: ReadonlyMap<string, string>;
}

export interface BuildResult {
  readonly site: Site;
  readonly state: BuildState;
  /** Files written, files removed (the site no longer has them), files left as they were. */
  readonly written: number;
  readonly removed: number;
  readonly unchanged: number;
  readonly pictures: { readonly processed: number; readonly reused: number };
  /** Milliseconds per phase, in the order the phases ran. */
  readonly phases: ReadonlyMap<string, number>;
  /** Seconds the search index took, alongside the phases ("with the build"). */
  readonly searchSeconds: number | undefined;
  /**
   * Builds this site's search index now ("after"). `state` is this build's state with the
   * new index's files in place of the last one's (which are removed) once it is written.
   */
  readonly indexSearch: () => { readonly run: SearchIndexRun; readonly state: Promise<BuildState> };
}

export async function build(
  options: BuildOptions,
  changes?: ChangeSet,
  previous?: BuildState,
): Promise<BuildResult> {
  const phases = new Map<string, number>();
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases.set(name, now - mark);
    mark = now;
  };

  const terms = previous?.relatedTerms ?? relatedTerms();
  const { site, records, problems } = checkedSite(options, previous, changes, terms);
  failOnErrors(problems);
  phase("read, check and model");

  const { writer } = options;
  const searched = searchables(site);
  const startSearch = () =>
    startSearchIndex(siteSearchParts(site), writer.folder, searchLanguage(site.config.language));
  // Built alongside, it takes each page as its body is ready, in a fixed order, on another thread.
  const alongside = options.search === "with the build" ? startSearch() : undefined;
  const feed = alongside ? searchFeed(searched, alongside.add) : undefined;
  try {
    const items = site.routes.flatMap((route): (Article | PlainPage)[] =>
      route.kind === "article" ? [route.article] : route.kind === "page" ? [route.page] : [],
    );
    const imageRun = await processImages(
      imageSources(items),
      options.folder,
      options.imageCache,
      site.config.pathPrefix,
      (src) => usersOf(items, src),
    );
    phase("pictures");
    const bodies = await bodiesOf(items, searched, imageRun.images, site, previous, feed);
    phase("article bodies");

    const outputs = new Map<string, string>();
    const tally = { written: 0, unchanged: 0 };
    /** Writes `file` unless the last build wrote the same (`key`); `make` gives its content. */
    const put = async (
      file: string,
      key: string,
      make: () => string | Uint8Array | Promise<string | Uint8Array>,
    ) => {
      outputs.set(file, key);
      if (previous?.outputs.get(file) === key) {
        tally.unchanged++;
        return;
      }
      await writer.write(file, await make());
      tally.written++;
    };

    const assets = siteAssets(options.projectRoot);
    const keyOf = renderKeys({ site, images: imageRun.images, assets: assets.urls, bodyKeys: bodies.keys });
    const render = pageRenderer({
      site,
      assets: assets.urls,
      images: imageRun.images,
      bodies: bodies.lookup,
    });
    for (const [n, route] of site.routes.entries()) {
      await put(outputPathOf(route.url), keyOf(route), () => render(route));
      options.onProgress?.(n + 1, site.routes.length);
    }
    await writer.flush();
    failpoint("pages");
    phase("pages");

    for (const file of [...buildFeeds(site), ...(await buildSitemaps(site))]) {
      await put(outputPathOf(file.url), fingerprint(file.content), () => file.content);
    }
    for (const file of assets.files) {
      const bytes = readFileSync(file.source);
      await put(outputPathOf(file.url), fingerprint(bytes), () => bytes);
    }
    // A processed picture's name is made from its source and settings: the same name, the same file.
    for (const file of pictureFiles(imageRun.images, options.imageCache)) {
      const target = outputPathOf(file.url);
      outputs.set(target, target);
      if (previous?.outputs.get(target) === target) tally.unchanged++;
      else {
        await writer.copy(target, file.source);
        tally.written++;
      }
    }
    await writer.flush();
    phase("feeds, sitemaps and assets");

    let searchSeconds: number | undefined;
    if (alongside) {
      const index = await alongside.done;
      for (const [file, key] of index.files) outputs.set(file, key);
      searchSeconds = index.seconds;
      phase("search index (rest)");
    } else {
      // Until the new index is written, the last one stays, and stays listed.
      for (const [file, key] of previous?.outputs ?? []) if (isSearchFile(file)) outputs.set(file, key);
    }
    const removed = await removeGone(writer, previous?.outputs, outputs);
    return {
      site,
      state: { records, relatedTerms: terms, bodies: bodies.kept, outputs },
      written: tally.written,
      removed,
      unchanged: tally.unchanged,
      pictures: { processed: imageRun.processed, reused: imageRun.reused },
      phases,
      searchSeconds,
      indexSearch: () => {
        const run = startSearch();
        searchFeed(searched, run.add).finish(bodies.lookup);
        const state = run.done.then(async (index) => {
          const next = new Map([...outputs].filter(([file]) => !isSearchFile(file)));
          for (const [file, key] of index.files) next.set(file, key);
          await removeGone(writer, outputs, next);
          return { records, relatedTerms: terms, bodies: bodies.kept, outputs: next };
        });
        return { run, state };
      },
    };
  } catch (error) {
    await alongside?.stop();
    throw error;
  }
}

/** Whether an output file belongs to the search index (whose files its own run lists). */
function isSearchFile(file: string): boolean {
  return `/${file}`.startsWith(SEARCH_FOLDER);
}

/** Removes what the last build wrote and this one does not; returns how many. */
async function removeGone(
  writer: Writer,
  before: ReadonlyMap<string, string> | undefined,
  now: ReadonlyMap<string, string>,
): Promise<number> {
  let removed = 0;
  for (const file of before?.keys() ?? []) {
    if (now.has(file)) continue;
    await writer.remove(file);
    removed++;
  }
  await writer.flush();
  return removed;
}

/**
 * Every body's finished HTML: kept from the last build where what it is made from (its
 * text, its pictures, the tables' label) is the same, else rendered now, in the search
 * index's order so that its documents leave as the batches come back.
 */
async function bodiesOf(
  items: readonly (Article | PlainPage)[],
  searched: readonly Searchable[],
  images: ImageLookup,
  site: Site,
  previous: BuildState | undefined,
  feed: SearchFeed | undefined,
) {
  const tableLabel = site.config.words.table;
  const sourceKey = (item: Article | PlainPage) =>
    fingerprint(
      JSON.stringify([
        item.body,
        tableLabel,
        item.facts.pictures.map((picture) =>
          isSitePath(picture.src) ? (images.get(normaliseSrc(picture.src)) ?? null) : null,
        ),
      ]),
    );
  const sources = new Map(items.map((item) => [item.file, sourceKey(item)]));
  const lookup = new Map<string, string>();
  for (const item of items) {
    const kept = previous?.bodies.get(item.file);
    if (kept && kept.key === sources.get(item.file)) lookup.set(item.file, kept.html);
  }
  const inIndex = new Set(searched.map((page) => page.item));
  const toRender = [
    ...searched.map((page) => page.item),
    ...items.filter((item) => !inIndex.has(item)),
  ].filter((item) => !lookup.has(item.file));
  await renderBodies(toRender, images, tableLabel, { into: lookup, onBatch: feed?.offer });
  feed?.finish(lookup);
  return {
    lookup: lookup as BodyLookup,
    /** What each page shows of its body: the fingerprint of the HTML. */
    keys: new Map([...sources.keys()].map((file) => [file, fingerprint(lookup.get(file) ?? "")])),
    kept: new Map([...sources].map(([file, key]) => [file, { key, html: lookup.get(file) ?? "" }])),
  };
}
