import type { Article } from "../../src/domain/article.ts";
import { normaliseSrc, SHARED_BLOCKS_URL } from "../../src/domain/urls.ts";
import { type SidebarList, sidebarPlacement } from "../../src/model/sidebar.ts";
import { useBuild, useHref, usePage } from "./context.ts";
import { useSamePerBuild } from "./samePerBuild.ts";

interface BlockProps {
  readonly id: string;
  readonly title: string;
  readonly block: SidebarList;
  /** The More link's text, for blocks that end in one (it leads where the heading does). */
  readonly more?: string | undefined;
  readonly numbered?: boolean;
  /** Show each article's lead picture, when it has one (the Photo and Video blocks). */
  readonly thumbnails?: boolean;
  /** Only the heading and the block's kept space, which site.js fills from the shared file. */
  readonly pending: boolean;
}

/**
 * The lead picture's smallest size, decorative beside the headline that names the story; a
 * plain tile of the same size for an article without one, so that every slot is alike.
 */
function Thumbnail({ article }: { readonly article: Article }) {
  const { images } = useBuild();
  const image = article.image && images.get(normaliseSrc(article.image.src));
  if (!image) return <span class="thumb thumb-none" />;
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

function SidebarBlock({ id, title, block, more, numbered = false, thumbnails = false, pending }: BlockProps) {
  const href = useHref();
  const List = numbered ? "ol" : "ul";
  // A block with nothing to show is left out rather than shown empty.
  if (block.articles.length === 0) return null;
  // The list's height is fixed (site.css), room for `slots` articles: the shared file's
  // block then takes exactly the space its pending form kept.
  const listClass = `block-list${thumbnails ? " with-thumbs" : ""}`;
  const style = `--slots:${block.slots}`;
  return (
    // Not a landmark of its own: the sidebar is one, and a block's name ("Video") may repeat a
    // home-page block's, which landmarks must not (axe landmark-unique). Its heading names it.
    <section class={`block block-${id}`} data-block={id}>
      {/* Without scripts, the heading leads to the page that lists what the block shows. */}
      <h2 class="block-title" id={`block-${id}`}>
        <a href={href(block.url)}>{title}</a>
      </h2>
      {pending ? (
        <div class={`${listClass} block-pending`} style={style} />
      ) : (
        <List class={listClass} style={style}>
          {block.articles.map((article) => (
            <li key={article.url}>
              <a href={href(article.url)}>
                {thumbnails && <Thumbnail article={article} />}
                <span class="block-headline">{article.headline}</span>
              </a>
            </li>
          ))}
        </List>
      )}
      {more && (
        <a class="more" href={href(block.url)}>
          {more}
        </a>
      )}
    </section>
  );
}

/**
 * Photo, Most popular in 24h, Top news and Video, in the reference page's order: shown in
 * the page, or, where sidebarPlacement says so, as their headings over kept space that
 * site.js fills from the shared file, which SharedBlocksFile draws with these same blocks.
 */
export function Sidebar() {
  const { route } = usePage();
  const href = useHref();
  const placement = sidebarPlacement(route);
  if (placement === "none") throw new Error(`a ${route.kind} page shows no sidebar (sidebarPlacement)`);
  const pending = placement === "shared file";
  const html = useSamePerBuild(
    pending ? "sidebar pending" : "sidebar",
    pending ? PendingBlocks : SidebarBlocks,
  );
  return (
    <aside
      class="sidebar"
      data-shared-blocks={pending ? href(SHARED_BLOCKS_URL) : undefined}
      // Safe: rendered by preact, which escapes every value.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

function PendingBlocks() {
  return <Blocks pending />;
}

/** The four blocks, in full: on pages that show them inline, and in the shared file. */
export function SidebarBlocks() {
  return <Blocks pending={false} />;
}

function Blocks({ pending }: { readonly pending: boolean }) {
  const { site } = useBuild();
  const { sidebar } = site;
  const { words } = site.config;
  // A pending heading names the block as it is meant to be: whether the export was fresh
  // enough is the shared file's to say, or every page would change with it.
  const popularTitle = sidebar.popular.isLatest && !pending ? words.latest : words.mostPopular;
  return (
    <>
      <SidebarBlock
        id="photo"
        title={words.photo}
        block={sidebar.photo}
        more={words.morePhotos}
        thumbnails
        pending={pending}
      />
      <SidebarBlock id="popular" title={popularTitle} block={sidebar.popular} numbered pending={pending} />
      <SidebarBlock
        id="top-news"
        title={words.topNews}
        block={sidebar.topNews}
        more={words.moreTopNews}
        pending={pending}
      />
      <SidebarBlock
        id="video"
        title={words.video}
        block={sidebar.video}
        more={words.moreVideos}
        thumbnails
        pending={pending}
      />
    </>
  );
}
