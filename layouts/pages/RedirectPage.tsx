import type { Article } from "../../src/domain/article.ts";
import { useAbsoluteUrl, useHref, usePage } from "../components/context.ts";

/**
 * An article's old address: sends readers and crawlers on to where it lives now, so
 * links from elsewhere never break. Works without scripts (meta refresh) and says where.
 */
export function RedirectPage({ target }: { readonly target: Article }) {
  const { site } = usePage();
  const href = useHref();
  const absolute = useAbsoluteUrl();
  return (
    <html lang={site.config.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${target.headline} - ${site.config.name}`}</title>
        <link rel="canonical" href={absolute(target.url)} />
        <meta name="robots" content="noindex" />
        <meta http-equiv="refresh" content={`0; url=${href(target.url)}`} />
      </head>
      <body>
        <p>
          {site.config.words.movedTo} <a href={href(target.url)}>{target.headline}</a>
        </p>
      </body>
    </html>
  );
}
