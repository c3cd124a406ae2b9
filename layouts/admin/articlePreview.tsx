import { findAll, getOuterHTML } from "domutils";
import { parseDocument } from "htmlparser2";
import { renderToString } from "preact-render-to-string";
import type { Content } from "../../src/content/readContent.ts";
import type { Article } from "../../src/domain/article.ts";
import { escapeHtml } from "../../src/domain/escapeHtml.ts";
import type { ImageLookup } from "../../src/domain/picture.ts";
import type { SectionTree } from "../../src/domain/section.ts";
import { normaliseSrc, withPrefix } from "../../src/domain/urls.ts";
import { renderArticleBody } from "../../src/markdown/render.ts";
import { buildSite } from "../../src/model/site.ts";
import { ArticleStory, StateBanner } from "../components/ArticleStory.tsx";
import { Page } from "../components/context.ts";
import { describeProblem, type EntryCheck } from "./articleCheck.ts";
import type { EditorSettings } from "./editorSettings.ts";

/**
 * The preview pane's HTML: the article as its page shows it, made by the page's own
 * components (layouts/components/ArticleStory.tsx) from the article the contract's reader
 * made of the file, its text rendered and sanitised by the build's own Markdown rules
 * (src/markdown/render.ts), under the site's stylesheet. A picture the build has processed
 * shows as its page shows it (`images`, fetched for the preview); any other, such as one
 * just uploaded, is the original file from the editor's media (`pictureUrl`). Above it,
 * what stops the article being saved, in the words of `npm run check`.
 */
export function previewHtml(
  check: EntryCheck,
  settings: EditorSettings,
  tree: SectionTree,
  images: ImageLookup,
  pictureUrl: (src: string) => string | undefined,
): string {
  const { article } = check;
  const html = renderToString(
    <div class="editor-preview">
      {check.problems.length > 0 && (
        <section class="editor-problems" aria-labelledby="editor-problems-title">
          <h2 id="editor-problems-title">
            {check.problems.some((problem) => problem.severity === "error")
              ? "Before this article can be saved"
              : "Worth a look before saving"}
          </h2>
          <ul>
            {check.problems.map((problem) => (
              <li key={describeProblem(problem)} class={`editor-problem-${problem.severity}`}>
                {describeProblem(problem)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {article && <ArticleAlone article={article} settings={settings} tree={tree} images={images} />}
    </div>,
  );
  return withPictures(html, settings.config.pathPrefix, pictureUrl);
}

/** The article within what its page needs to draw it: the site's settings and a site of this one article. */
function ArticleAlone({
  article,
  settings,
  tree,
  images,
}: {
  readonly article: Article;
  readonly settings: EditorSettings;
  readonly tree: SectionTree;
  readonly images: ImageLookup;
}) {
  const site = buildSite(contentOf(article, settings, tree), { mode: "preview", clock: article.date });
  const route = { kind: "article" as const, url: article.url, article };
  const bodies = new Map([
    [article.file, renderArticleBody(article.body, images, settings.config.words.table)],
  ]);
  return (
    <Page.Provider value={{ site, assets: settings.assets, images, bodies, route, parts: new Map() }}>
      <main id="main" class="editor-preview-page">
        <article class="article">
          <StateBanner article={article} />
          <ArticleStory article={article} />
        </article>
      </main>
    </Page.Provider>
  );
}

/** The content of a site whose one article is this one. */
function contentOf(article: Article, settings: EditorSettings, tree: SectionTree): Content {
  const { config } = settings;
  const section = (slug: string) => tree.bySlug.get(slug) ?? article.section;
  return {
    config,
    tree,
    siteFile: { value: undefined, problems: [], label: "", text: "", lineOf: () => 1 },
    sectionsFile: "",
    articles: [article],
    pages: [],
    footerPages: [],
    photoSection: section(config.photoSection),
    videoSection: section(config.videoSection),
    popular: undefined,
    problems: [],
  };
}

/**
 * Each picture not processed yet (`/images/x.jpg` under the path prefix, as the page links
 * an unprocessed one, or `images/x.jpg` as the text names it) shown from the editor's
 * media: the preview has no site to fetch them from.
 */
function withPictures(
  html: string,
  pathPrefix: string,
  pictureUrl: (src: string) => string | undefined,
): string {
  const tree = parseDocument(html, { decodeEntities: false });
  const root = withPrefix(pathPrefix, "/");
  for (const img of findAll((node) => node.name === "img", tree.children)) {
    const src = img.attribs.src ?? "";
    const path = normaliseSrc(src.startsWith(root) ? src.slice(root.length) : src);
    // Processed pictures (the site's /img/ files) show from the site.
    if (!path.startsWith("images/")) continue;
    const url = pictureUrl(path);
    if (url) img.attribs.src = escapeHtml(url);
  }
  return getOuterHTML(tree.children, { decodeEntities: false, encodeEntities: false });
}
