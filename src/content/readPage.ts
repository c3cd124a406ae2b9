import path from "node:path";
import { fingerprint } from "../domain/fingerprint.ts";
import type { PlainPage } from "../domain/page.ts";
import { isSlug, toSlug } from "../domain/slugs.ts";
import { plainPageUrl, RESERVED_SLUGS } from "../domain/urls.ts";
import { bodyFacts } from "../markdown/bodyFacts.ts";
import { checkFrontMatter } from "./checkFrontMatter.ts";
import { pageFrontMatterSchema } from "./frontMatter.ts";
import type { ReadResult } from "./readArticle.ts";

export function readPage(
  file: string,
  name: string,
  text: string,
  version: string = fingerprint(text),
): ReadResult<PlainPage> {
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
      version,
      slug,
      url: plainPageUrl(slug),
      title: fields.title,
      description: fields.description,
      body: block.body,
      bodyLine: block.bodyLine,
      facts: bodyFacts(block.body),
    },
    problems,
  };
}
