import type { Article } from "../../src/article/article.ts";
import { useHref, usePage } from "./context.ts";

interface BlockProps {
  readonly id: string;
  readonly title: string;
  readonly articles: readonly Article[];
  readonly more?: { readonly url: string; readonly text: string } | undefined;
  readonly numbered?: boolean;
}

function SidebarBlock({ id, title, articles, more, numbered = false }: BlockProps) {
  const href = useHref();
  const List = numbered ? "ol" : "ul";
  // A block with nothing to show is left out rather than shown empty.
  if (articles.length === 0) return null;
  return (
    <section class={`block block-${id}`} aria-labelledby={`block-${id}`}>
      <h2 class="block-title" id={`block-${id}`}>
        {title}
      </h2>
      <List class="block-list">
        {articles.map((article) => (
          <li key={article.url}>
            <a href={href(article.url)}>{article.headline}</a>
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
  const { site } = usePage();
  const { sidebar } = site;
  const { words } = site.config;
  return (
    <aside class="sidebar">
      <SidebarBlock
        id="photo"
        title={words.photo}
        articles={sidebar.photo.articles}
        more={{ url: sidebar.photo.moreUrl, text: words.morePhotos }}
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
      />
    </aside>
  );
}
