import type { Article } from "../../src/domain/article.ts";
import { normaliseSrc } from "../../src/domain/urls.ts";
import { useHref, usePage } from "./context.ts";
import { useSamePerBuild } from "./samePerBuild.ts";

interface BlockProps {
  readonly id: string;
  readonly title: string;
  readonly articles: readonly Article[];
  readonly more?: { readonly url: string; readonly text: string } | undefined;
  readonly numbered?: boolean;
  /** Show each article's lead picture, when it has one (the Photo and Video blocks). */
  readonly thumbnails?: boolean;
}

/** The lead picture's smallest size, decorative beside the headline that names the story. */
function Thumbnail({ article }: { readonly article: Article }) {
  const { images } = usePage();
  const image = article.image && images.get(normaliseSrc(article.image.src));
  if (!image) return null;
  const { thumbnail } = image;
  return (
    <picture class="thumb">
      {thumbnail.sources.map((source) => (
        <source key={source.type} type={source.type} srcset={source.src} />
      ))}
      <img
        src={thumbnail.src}
        width={thumbnail.width}
        height={thumbnail.height}
        alt=""
        loading="lazy"
        decoding="async"
      />
    </picture>
  );
}

function SidebarBlock({ id, title, articles, more, numbered = false, thumbnails = false }: BlockProps) {
  const href = useHref();
  const List = numbered ? "ol" : "ul";
  // A block with nothing to show is left out rather than shown empty.
  if (articles.length === 0) return null;
  return (
    // Not a landmark of its own: the sidebar is one, and a block's name ("Video") may repeat a
    // home-page block's, which landmarks must not (axe landmark-unique). Its heading names it.
    <section class={`block block-${id}`}>
      <h2 class="block-title" id={`block-${id}`}>
        {title}
      </h2>
      <List class="block-list">
        {articles.map((article) => (
          <li key={article.url}>
            <a href={href(article.url)}>
              {thumbnails && <Thumbnail article={article} />}
              {article.headline}
            </a>
          </li>
        ))}
      </List>
      {more && (
        <a class="more" href={href(more.url)}>
          {more.text}
        </a>
      )}
    </section>
  );
}

/** Photo, Most popular in 24h, Top news and Video, in the reference page's order. */
export function Sidebar() {
  // Safe: rendered by preact, which escapes every value.
  return (
    <aside class="sidebar" dangerouslySetInnerHTML={{ __html: useSamePerBuild("sidebar", SidebarBlocks) }} />
  );
}

function SidebarBlocks() {
  const { site } = usePage();
  const { sidebar } = site;
  const { words } = site.config;
  return (
    <>
      <SidebarBlock
        id="photo"
        title={words.photo}
        articles={sidebar.photo.articles}
        more={{ url: sidebar.photo.moreUrl, text: words.morePhotos }}
        thumbnails
      />
      <SidebarBlock
        id="popular"
        title={sidebar.popular.isLatest ? words.latest : words.mostPopular}
        articles={sidebar.popular.articles}
        numbered
      />
      <SidebarBlock
        id="top-news"
        title={words.topNews}
        articles={sidebar.topNews.articles}
        more={{ url: sidebar.topNews.moreUrl, text: words.moreTopNews }}
      />
      <SidebarBlock
        id="video"
        title={words.video}
        articles={sidebar.video.articles}
        more={{ url: sidebar.video.moreUrl, text: words.moreVideos }}
        thumbnails
      />
    </>
  );
}
