import { z } from "zod";
import { plainText } from "./plainText.ts";
import { isSlug, SLUG_RULE, slugLengthProblem } from "./slugs.ts";
import { RESERVED_SLUGS } from "./urls.ts";

/**
 * The two-level section tree from `content/_data/sections.json`. It drives navigation,
 * the site map, section pages and every article's section label.
 */
const sectionSchema = z.strictObject({ slug: z.string(), title: plainText.min(1) });
export const sectionTreeSchema = z.array(
  z.strictObject({ slug: z.string(), title: plainText.min(1), sections: z.array(sectionSchema) }),
);

export interface Section {
  readonly slug: string;
  readonly title: string;
  /** The top section this one belongs to; a top section is its own parent. */
  readonly parent: TopSection;
}

export interface TopSection extends Section {
  readonly isTop: true;
  readonly sections: readonly Section[];
}

export interface SectionTree {
  readonly tops: readonly TopSection[];
  /** Every section and top section by slug (a top section whose one section shares its slug is one entry). */
  readonly bySlug: ReadonlyMap<string, Section>;
  /** Slugs an article's `section:` may name: sections, and top sections without sections of their own. */
  readonly articleSlugs: readonly string[];
}

/** Builds the tree and lists what is wrong with it (as messages for `sections.json`). */
export function buildSectionTree(input: z.infer<typeof sectionTreeSchema>): {
  tree: SectionTree;
  errors: string[];
} {
  const errors: string[] = [];
  const bySlug = new Map<string, Section>();
  const articleSlugs: string[] = [];
  const checkSlug = (slug: string, title: string) => {
    if (!isSlug(slug)) errors.push(`"${title}": slug "${slug}" ${SLUG_RULE}`);
    const tooLong = slugLengthProblem(slug);
    if (tooLong) errors.push(`"${title}": slug "${slug.slice(0, 40)}…" ${tooLong}`);
    if (RESERVED_SLUGS.has(slug)) errors.push(`"${title}": slug "${slug}" is a name the site itself uses`);
  };

  const tops = input.map((topInput) => {
    checkSlug(topInput.slug, topInput.title);
    if (bySlug.has(topInput.slug)) errors.push(`slug "${topInput.slug}" is used twice`);
    const sections: Section[] = [];
    const top: TopSection = {
      slug: topInput.slug,
      title: topInput.title,
      isTop: true,
      sections,
      get parent(): TopSection {
        return top;
      },
    };
    bySlug.set(top.slug, top);
    for (const child of topInput.sections) {
      checkSlug(child.slug, child.title);
      if (child.slug === top.slug) {
        // Video is both a top section and its only section: one slug, one page.
        if (topInput.sections.length !== 1) {
          errors.push(
            `"${child.title}": only a top section's one section may share its slug "${child.slug}"`,
          );
        }
        sections.push(top);
        articleSlugs.push(top.slug);
        continue;
      }
      if (bySlug.has(child.slug)) errors.push(`slug "${child.slug}" is used twice`);
      const section: Section = { slug: child.slug, title: child.title, parent: top };
      sections.push(section);
      bySlug.set(section.slug, section);
      articleSlugs.push(section.slug);
    }
    if (sections.length === 0) articleSlugs.push(top.slug);
    return top;
  });
  return { tree: { tops, bySlug, articleSlugs }, errors };
}

export function isTopSection(section: Section): section is TopSection {
  return (section as TopSection).isTop === true;
}
