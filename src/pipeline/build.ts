import { readFileSync } from "node:fs";
import type { DateTime } from "luxon";
import type { ContentFolder } from "../content/contentFolder.ts";
import type { ContentRecords } from "../content/readContent.ts";
import type { Article } from "../domain/article.ts";
import { searchLanguage } from "../domain/language.ts";
import type { PlainPage } from "../domain/page.ts";
import type { ImageLookup } from "../domain/picture.ts";
import { isSitePath, normaliseSrc, outputPathOf, SEARCH_FOLDER } from "../domain/urls.ts";
import type { BodyLookup } from "../markdown/bodyHtml.ts";
import type { RelatedMemory } from "../model/related/related.ts";
import { siteSearchParts } from "../model/searchParts.ts";
import type { BuildMode, Site } from "../model/site.ts";
import { siteAssets } from "../output/assets.ts";
import { failpoint } from "../output/failpoint.ts";
import { feedGroups } from "../output/feeds.ts";
import { imageSources, pictureFiles, processImages, usersOf } from "../output/images.ts";
import { type Searchable, searchables } from "../output/search/searchDocuments.ts";
import { type SearchFeed, searchFeed } from "../output/search/searchFeed.ts";
import { sitemapGroups } from "../output/sitemaps.ts";
import { type GroupRecord, type Manifest, writerInto } from "../output/writer.ts";
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
  /** The folder the site is written into (a staging folder, or the preview's). */
  readonly output: string;
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

/** What a build leaves for the next: everything it may use again, and what the site folder holds. */
export interface BuildState {
  readonly records: ContentRecords;
  readonly related: RelatedMemory;
  /** Each body's HTML with what it was made from, by source file. */
  readonly bodies: ReadonlyMap<string, { readonly key: string; readonly html: string }>;
  /** Each file of the site folder: what it shows and its bytes' fingerprint. */
  readonly outputs: Manifest;
  /** Feeds and sitemaps, made in groups: each group's key and files. */
  readonly groups: ReadonlyMap<string, GroupRecord>;
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

  const { site, records, problems } = checkedSite(options, previous, changes);
  failOnErrors(problems);
  phase("read, check and model");

  const searched = searchables(site);
  const startSearch = () =>
    startSearchIndex(siteSearchParts(site), options.output, searchLanguage(site.config.language));
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

    const writer = writerInto(
      options.output,
      previous && { manifest: previous.outputs, groups: previous.groups },
    );
    const assets = siteAssets(options.projectRoot);
    const keyOf = renderKeys({ site, images: imageRun.images, assets: assets.urls, bodyKeys: bodies.keys });
    const render = pageRenderer({
      site,
      assets: assets.urls,
      images: imageRun.images,
      bodies: bodies.lookup,
    });
    for (const [n, route] of site.routes.entries()) {
      await writer.put(outputPathOf(route.url), keyOf(route), () => render(route));
      options.onProgress?.(n + 1, site.routes.length);
    }
    failpoint("pages");
    phase("pages");

    for (const group of [...feedGroups(site), ...sitemapGroups(site)])
      await writer.putGroup(group, outputPathOf);
    for (const file of assets.files) {
      await writer.put(outputPathOf(file.url), file.source, () => readFileSync(file.source));
    }
    for (const file of pictureFiles(imageRun.images, options.imageCache)) {
      await writer.copyNamed(outputPathOf(file.url), file.source);
    }
    phase("feeds, sitemaps and assets");

    let searchSeconds: number | undefined;
    if (alongside) {
      const index = await alongside.done;
      for (const [file, hash, size] of index.files) writer.record(file, hash, size);
      searchSeconds = index.seconds;
      phase("search index (rest)");
    } else {
      // Until the new index is written, the last one stays.
      writer.keep(isSearchFile);
    }
    const done = await writer.finish();
    const state: BuildState = {
      records,
      related: site.relatedMemory(),
      bodies: bodies.kept,
      outputs: done.manifest,
      groups: done.groups,
    };
    return {
      site,
      state,
      written: done.written,
      removed: done.removed,
      unchanged: done.unchanged,
      pictures: { processed: imageRun.processed, reused: imageRun.reused },
      phases,
      searchSeconds,
      indexSearch: () => {
        const run = startSearch();
        searchFeed(searched, run.add).finish(bodies.lookup);
        const indexed = run.done.then(async (index): Promise<BuildState> => {
          // Everything else stays as this build wrote it; the last index's files go.
          const update = writerInto(options.output, { manifest: state.outputs, groups: state.groups });
          update.keep((file) => !isSearchFile(file));
          for (const [file, hash, size] of index.files) update.record(file, hash, size);
          return { ...state, outputs: (await update.finish()).manifest };
        });
        return { run, state: indexed };
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
  // The file's version stands for its text; the pictures' processed files are named by their content.
  const sourceKey = (item: Article | PlainPage) =>
    item.facts.pictures.length === 0
      ? `${item.version} ${tableLabel}`
      : `${item.version} ${tableLabel} ${JSON.stringify(
          item.facts.pictures.map((picture) =>
            isSitePath(picture.src) ? (images.get(normaliseSrc(picture.src))?.fallback.src ?? null) : null,
          ),
        )}`;
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
    /** What each page shows of its body: what it was made from stands for the HTML. */
    keys: sources,
    kept: new Map([...sources].map(([file, key]) => [file, { key, html: lookup.get(file) ?? "" }])),
  };
}
