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
import { type BodyLookup, bodyOf } from "../markdown/bodyLookup.ts";
import type { RelatedMemory } from "../model/related/related.ts";
import type { Route } from "../model/routes.ts";
import type { SearchPart } from "../model/searchParts.ts";
import type { BuildMode, Site } from "../model/site.ts";
import { adminGroup } from "../output/admin/adminGroup.ts";
import { pictureBucketGroups } from "../output/admin/pictureBucketGroups.ts";
import { siteAssets } from "../output/assets.ts";
import { failpoint } from "../output/failpoint.ts";
import { feedGroups } from "../output/feeds.ts";
import { hostHeadersGroup } from "../output/hostHeaders.ts";
import { imageSources, pictureFiles, processImages, usersOf } from "../output/images.ts";
import { searchDocument } from "../output/search/searchDocuments.ts";
import { searchFeed } from "../output/search/searchFeed.ts";
import { sharedBlocksGroup } from "../output/sharedBlocks.ts";
import { sitemapGroups } from "../output/sitemaps.ts";
import { TEMPLATES_GROUP } from "../output/templateOutputs.ts";
import { type Manifest, type Published, type WriterReport, writerInto } from "../output/writer.ts";
import { renderKeys } from "../render/renderKeys.ts";
import { pageRenderer } from "../render/renderPage.tsx";
import { renderBodies } from "../workers/bodyPool.ts";
import { type SearchIndexRun, startSearchIndex } from "../workers/searchIndex.ts";
import type { IndexPart } from "../workers/searchMessages.ts";
import { type BodyEntry, type BodyStore, memoryBodies } from "./bodyStore.ts";
import { checkedSite, failOnErrors } from "./checkSite.ts";

/**
 * The build, one function for every kind of run: `npm run build` (cold, or incremental
 * with the state the last build kept on disk), and the preview's update after a save.
 *
 *   files ─▶ read + check ─▶ Content ─▶ model ─▶ Site ─▶ outputs planned and checked
 *        ─▶ each page's key ─▶ the bodies those to be made need ─▶ pages ─▶ writer
 *        ─▶ feeds, sitemaps, assets and the search index's parts, from the same Site
 *
 * `changes` and `previous` only narrow the work: an unchanged file is not read again, an
 * unchanged body not rendered again, a page whose key (a fingerprint of everything it
 * shows) is the key it had is neither rendered nor written, and a search part whose pages
 * are the same is not indexed again. What the folder then holds is what a cold build of
 * the same files and clock writes.
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
  /** The folder the site is written into: a staging folder, the standby copy, or the preview's. */
  readonly output: string;
  /** What `output` holds, when it is not empty, and where the published site is if elsewhere. */
  readonly outputHolds?: { readonly manifest: Manifest; readonly linkFrom?: string | undefined };
  /**
   * The search index is built alongside, and the build waits for it ("with the build"); or
   * the caller starts it once the pages are out (the preview), with `BuildResult.indexSearch`.
   */
  readonly search: "with the build" | "after";
  /** Where the bodies of this build go: the last build's store, or an empty one. */
  readonly bodies?: BodyStore;
  /**
   * What the site folder held before a full build, when it is known: nothing of it is used,
   * but the build says which files changed against it (the change list uploads read).
   */
  readonly lastSite?: Published;
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
  readonly bodies: BodyStore;
  /** The site's files (each with what it shows and its bytes' fingerprint) and groups. */
  readonly published: Published;
}

export interface BuildResult {
  readonly site: Site;
  readonly state: BuildState;
  /** The files written and removed, measured against the last published site. */
  readonly report: WriterReport;
  readonly pictures: { readonly processed: number; readonly reused: number };
  /** Milliseconds per phase, in the order the phases ran. */
  readonly phases: ReadonlyMap<string, number>;
  /** Seconds the search index took, alongside the phases ("with the build"). */
  readonly searchSeconds: number | undefined;
  /**
   * Builds this site's search index now ("after"): the parts whose pages changed. `state`
   * is this build's state with the new parts' files in place of the old ones once written.
   */
  readonly indexSearch: () => { readonly run: SearchIndexRun; readonly state: Promise<BuildState> };
}

/** A search part's group in the manifest. */
const searchGroupName = (part: SearchPart) => `search ${part.folder}`;

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

  const published = previous?.published;
  const holds = options.outputHolds;
  const writer = writerInto({
    folder: options.output,
    published: published ?? options.lastSite,
    trustKeys: published !== undefined,
    holds: holds?.manifest,
    linkFrom: holds?.linkFrom,
  });
  const items = site.routes.flatMap(sourceOf);
  const imageRun = await processImages(
    imageSources(items),
    options.folder,
    options.imageCache,
    site.config.pathPrefix,
    (src) => usersOf(items, src),
  );
  phase("pictures");

  // What each page and search part shows, by key: only those whose key changed are made.
  const bodyKeys = bodySourceKeys(items, imageRun.images, site.config.words.table);
  const assets = siteAssets(options.projectRoot);
  const keyOf = renderKeys({ site, images: imageRun.images, assets: assets.urls, bodyKeys });
  const routeKeys = site.routes.map((route) => keyOf(route));
  const toRender = new Set(
    site.routes.flatMap((route, n) =>
      published?.manifest.get(outputPathOf(route.url))?.key === routeKeys[n] ? [] : [n],
    ),
  );
  const language = searchLanguage(site.config.language);
  const parts = site.searchParts.map((part) => ({
    part,
    key: fingerprint(
      [language, part.folder, ...part.items.map((item) => `${item.url} ${bodyKeys.get(item.file)}`)].join(
        "\n",
      ),
    ),
  }));
  const unchangedPart = ({ part, key }: (typeof parts)[number]) => {
    const group = published?.groups.get(searchGroupName(part));
    return group?.key === key && group.files.every((file) => published?.manifest.has(file));
  };
  const partsToIndex =
    options.search === "with the build" ? parts.filter((part) => !unchangedPart(part)) : [];
  phase("page keys");

  // The bodies those pages and parts need: kept ones where what they are made from is the same.
  const store = options.bodies ?? previous?.bodies ?? memoryBodies();
  const needed: (Article | PlainPage)[] = [
    ...partsToIndex.flatMap(({ part }) => part.items),
    ...[...toRender].flatMap((n) => sourceOf(site.routes[n])),
  ];
  const bodies = new Map<string, string>();
  const missing: (Article | PlainPage)[] = [];
  for (const item of new Set(needed)) {
    const html = store.html(item.file, bodyKeys.get(item.file) ?? "");
    if (html === undefined) missing.push(item);
    else bodies.set(item.file, html);
  }

  // Files others write into the folder leave it first: a newsroom's own templates (Eleventy
  // writes them after this), and the search parts indexed again (on another thread, below).
  const templateFiles = new Set(published?.groups.get(TEMPLATES_GROUP)?.files ?? []);
  await writer.clear(
    (file) => templateFiles.has(file) || partsToIndex.some(({ part }) => file.startsWith(part.folder)),
  );
  // Built alongside, the index takes each page as its body is ready, in a fixed order, on another thread.
  const searchRun =
    partsToIndex.length > 0
      ? startSearchIndex(indexParts(partsToIndex), options.output, language)
      : undefined;
  const feed = searchRun
    ? searchFeed(
        partsToIndex.flatMap(({ part }) => part.items),
        searchDocument,
        searchRun.add,
      )
    : undefined;
  try {
    feed?.offer(bodies);
    await renderBodies(missing, imageRun.images, site.config.words.table, {
      into: bodies,
      onBatch: feed?.offer,
    });
    const made = new Map(missing.map((item) => [item.file, bodyOf(bodies, item)]));
    feed?.finish(bodies);
    phase("article bodies");

    const inputs = { site, assets: assets.urls, images: imageRun.images, bodies };
    const render = pageRenderer(inputs);
    for (const [n, route] of site.routes.entries()) {
      await writer.put(outputPathOf(route.url), routeKeys[n] as string, () => render(route));
      options.onProgress?.(n + 1, site.routes.length);
    }
    failpoint("pages");
    phase("pages");

    const admin = adminGroup({
      ...options,
      site,
      assets: assets.urls,
      contentFiles: records.files.keys(),
      env: options.env ?? process.env,
    });
    const groups = [
      ...feedGroups(site),
      ...sitemapGroups(site),
      sharedBlocksGroup(inputs),
      hostHeadersGroup(site, assets.urls),
      admin,
      ...pictureBucketGroups(imageRun.images),
    ];
    for (const group of groups) await writer.putGroup(group, outputPathOf);
    for (const file of assets.files) {
      await writer.put(outputPathOf(file.url), file.source, () => readFileSync(file.source));
    }
    for (const file of pictureFiles(imageRun.images, options.imageCache)) {
      await writer.copyNamed(outputPathOf(file.url), file.source);
    }
    phase("feeds, sitemaps and assets");

    let searchSeconds: number | undefined;
    if (options.search === "with the build") {
      for (const part of parts) if (unchangedPart(part)) await writer.keepGroup(searchGroupName(part.part));
      if (searchRun) {
        const index = await searchRun.done;
        for (const file of index.files)
          writer.record(file.file, file.hash, file.size, { name: file.part, key: file.key });
        searchSeconds = index.seconds;
      }
      phase("search index (rest)");
    } else {
      // Until the new index is written, the last one stays (its parts with the keys they had).
      for (const { part } of parts)
        if (published?.groups.has(searchGroupName(part))) await writer.keepGroup(searchGroupName(part));
    }
    const report = await writer.finish();
    const bodyEntries = new Map<string, BodyEntry>(
      items.map((item) => [item.file, { key: bodyKeys.get(item.file) ?? "", pack: bodyPack(item) }]),
    );
    const state: BuildState = {
      records,
      related: site.relatedMemory(),
      bodies: store.next(bodyEntries, made),
      published: { manifest: report.manifest, groups: report.groups },
    };
    return {
      site,
      state,
      report,
      pictures: { processed: imageRun.processed, reused: imageRun.reused },
      phases,
      searchSeconds,
      indexSearch: () => indexSearchAfter(state, parts, bodyKeys, options.output, language),
    };
  } catch (error) {
    await searchRun?.stop();
    throw error;
  }
}

/**
 * The preview's search index, after its pages: the parts whose pages changed are indexed
 * again into the preview's folder; everything else stays as this build wrote it.
 */
function indexSearchAfter(
  state: BuildState,
  parts: readonly { readonly part: SearchPart; readonly key: string }[],
  bodyKeys: ReadonlyMap<string, string>,
  output: string,
  language: string,
): { readonly run: SearchIndexRun; readonly state: Promise<BuildState> } {
  const { published } = state;
  const stale = parts.filter(({ part, key }) => published.groups.get(searchGroupName(part))?.key !== key);
  const run = startSearchIndex(indexParts(stale), output, language);
  searchFeed(
    stale.flatMap(({ part }) => part.items),
    searchDocument,
    run.add,
  ).finish(bodyLookupOf(state.bodies, bodyKeys, stale));
  const indexed = run.done.then(async (index): Promise<BuildState> => {
    const update = writerInto({ folder: output, published, holds: published.manifest });
    const fresh = new Set(stale.map(({ part }) => searchGroupName(part)));
    await update.keep((file) => !isSearchFile(file));
    for (const { part } of parts) {
      const name = searchGroupName(part);
      if (!fresh.has(name) && published.groups.has(name)) await update.keepGroup(name);
    }
    for (const file of index.files)
      update.record(file.file, file.hash, file.size, { name: file.part, key: file.key });
    const done = await update.finish();
    return {
      ...state,
      published: { manifest: done.manifest, groups: new Map([...published.groups, ...done.groups]) },
    };
  });
  return { run, state: indexed };
}

/** The search index's parts to make, each with the key of what it shows. */
function indexParts(list: readonly { readonly part: SearchPart; readonly key: string }[]): IndexPart[] {
  return list.map(({ part, key }) => ({
    folder: part.folder,
    pages: part.items.length,
    name: searchGroupName(part),
    key,
  }));
}

/** The article or page a route shows, if it shows one (a listing shows many, its own none). */
function sourceOf(route: Route | undefined): (Article | PlainPage)[] {
  return route?.kind === "article" ? [route.article] : route?.kind === "page" ? [route.page] : [];
}

/** Whether an output file belongs to the search index (whose files its parts list). */
function isSearchFile(file: string): boolean {
  return `/${file}`.startsWith(SEARCH_FOLDER);
}

/**
 * What each body is made from, by source file: its file's version stands for its text; the
 * processed pictures it shows are named by their content; the tables' label is a setting.
 */
function bodySourceKeys(
  items: readonly (Article | PlainPage)[],
  images: ImageLookup,
  tableLabel: string,
): ReadonlyMap<string, string> {
  return new Map(
    items.map((item) => [
      item.file,
      item.facts.pictures.length === 0
        ? `${item.version} ${tableLabel}`
        : `${item.version} ${tableLabel} ${JSON.stringify(
            item.facts.pictures.map((picture) =>
              isSitePath(picture.src) ? (images.get(normaliseSrc(picture.src))?.fallback.src ?? null) : null,
            ),
          )}`,
    ]),
  );
}

/** Which pack keeps a body on disk: an article's month of publication, or the plain pages'. */
function bodyPack(item: Article | PlainPage): string {
  return "date" in item ? `${item.date.year}-${String(item.date.month).padStart(2, "0")}` : "pages";
}

/** The bodies the stale parts need, from the store (the preview's build made every body its pages show). */
function bodyLookupOf(
  store: BodyStore,
  bodyKeys: ReadonlyMap<string, string>,
  parts: readonly { readonly part: SearchPart }[],
): BodyLookup {
  return new Map(
    parts
      .flatMap(({ part }) => part.items)
      .flatMap((item) => {
        const html = store.html(item.file, bodyKeys.get(item.file) ?? "");
        return html === undefined ? [] : [[item.file, html] as const];
      }),
  );
}
