import type { ArticleImage } from "../../src/article/frontMatter.ts";
import { useHref } from "./context.ts";

/** A picture with its caption and credit. */
export function Figure({ image, className }: { readonly image: ArticleImage; readonly className: string }) {
  const href = useHref();
  return (
    <figure class={className}>
      <img src={href(`/${image.src.replace(/^\/+/, "")}`)} alt={image.alt} />
      {(image.caption || image.credit) && (
        <figcaption>
          {image.caption}
          {image.credit && <span class="credit"> {image.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}
