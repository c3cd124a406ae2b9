import { useBuild } from "./context.ts";
import { SidebarBlocks } from "./Sidebar.tsx";

/**
 * The shared blocks file (SHARED_BLOCKS_URL): the sidebar's four blocks as the pages that
 * show them inline draw them, for site.js to put in place of their pending forms. A whole
 * small document, so that it is valid HTML on its own and search engines, which may come
 * upon it, leave it out of their results.
 */
export function SharedBlocksFile() {
  const { site } = useBuild();
  return (
    <html lang={site.config.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="robots" content="noindex" />
        <title>{site.config.name}</title>
      </head>
      <body>
        <SidebarBlocks />
      </body>
    </html>
  );
}
