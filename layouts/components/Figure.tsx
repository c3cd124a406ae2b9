import type { ArticleImage } from "../../src/domain/article.ts";
import { escapeHtml } from "../../src/domain/escapeHtml.ts";
import { contentPictureUrl, normaliseSrc } from "../../src/domain/urls.ts";
import { pictureHtml } from "../../src/markdown/pictureHtml.ts";
import { useHref, usePage } from "./context.ts";

interface FigureProps {
  readonly image: ArticleImage;
  readonly className: string;
  /** The lead picture loads at once; pictures further down load as the reader nears them. */
  readonly loading: "eager" | "lazy";
}

/** A picture with its caption and credit, as a responsive `<picture>` once processed. */
export function Figure({ image, className, loading }: FigureProps) {
  const { images } = usePage();
  const href = useHref();
  const processed = images.get(normaliseSrc(image.src));
  return (
    <figure class={className}>
      {processed ? (
        // Safe: pictureHtml escapes the alt text; the rest are URLs and numbers of our own.
        <div
          class="picture"
          dangerouslySetInnerHTML={{ __html: pictureHtml(processed, escapeHtml(image.alt), loading) }}
        />
      ) : (
        <img src={href(contentPictureUrl(image.src))} alt={image.alt} loading={loading} />
      )}
      {(image.caption || image.credit) && (
        <figcaption>
          {image.caption}
          {image.credit && <span class="credit"> {image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
