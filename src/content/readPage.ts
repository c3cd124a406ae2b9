import path from "node:path";
import { pageFrontMatterSchema } from "../article/frontMatter.ts";
import { isSlug, RESERVED_SLUGS, toSlug } from "../site/slugs.ts";
import { plainPageUrl } from "../site/urls.ts";
import { checkFrontMatter } from "./checkFrontMatter.ts";
import type { ReadResult } from "./readArticle.ts";

/** A plain page (About Us, Contact Us, ...) from `content/pages/<slug>.md`. */
export interface PlainPage {
  readonly file: string;
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly description: string | undefined;
  readonly body: string;
  /** The file line where the body starts, for problems found in it. */
  readonly bodyLine: number;
}

export function readPage(file: string, name: string, text: string): ReadResult<PlainPage> {
  const { block, fields, problems, error } = checkFrontMatter(file, text, pageFrontMatterSchema);
  const slug = toSlug(path.posix.basename(name, ".md"));
  if (!isSlug(slug))
    error(1, "slug", "the file name gives no URL; name the file in Latin letters, e.g. about-us.md");
  else if (RESERVED_SLUGS.has(slug))
    error(1, "slug", `"${slug}" is a name the site itself uses; rename the file`);
  if (!block || !fields || problems.length > 0) return { value: undefined, problems };
  return {
    value: {
      file,
      slug,
      url: plainPageUrl(slug),
      title: fields.title,
      description: fields.description,
      body: block.body,
      bodyLine: block.bodyLine,
    },
    problems,
  };
}
