import { close, createIndex } from "pagefind";

/**
 * Builds the Pagefind full-text index of a written site into `<site>/pagefind/`. Pages
 * mark what is indexed (`data-pagefind-body`: article headline and text, plain pages),
 * so navigation, sidebars and listings never match a search.
 */
export async function writeSearchIndex(siteFolder: string, language: string): Promise<{ pages: number }> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: language });
    if (!index) throw new Error(`search index: ${errors.join("; ")}`);
    const added = await index.addDirectory({ path: siteFolder });
    if (added.errors.length > 0) throw new Error(`search index: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: `${siteFolder}/pagefind` });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
    return { pages: added.page_count };
  } finally {
    await close();
  }
}
