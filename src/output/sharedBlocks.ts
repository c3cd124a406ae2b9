import type { PageInputs } from "../../layouts/components/context.ts";
import { fingerprint } from "../domain/fingerprint.ts";
import { SHARED_BLOCKS_URL } from "../domain/urls.ts";
import { renderSharedBlocks } from "../render/renderSharedBlocks.tsx";
import { sidebarBlocksKey } from "../render/sidebarKeys.ts";
import type { OutputGroup } from "./outputFile.ts";

/**
 * The shared blocks file, keyed by what it shows: the blocks, the words, the site's name,
 * language and path prefix. A new analytics export or top story changes it (and the pages
 * that show the blocks inline), not the pages that load it.
 */
export function sharedBlocksGroup(inputs: PageInputs): OutputGroup {
  const { site, images } = inputs;
  return {
    name: "shared blocks",
    // The whole configuration, as page keys take it: a setting the blocks come to read is never missed.
    key: fingerprint(JSON.stringify([site.config, sidebarBlocksKey(site, images)])),
    make: () => [{ url: SHARED_BLOCKS_URL, content: renderSharedBlocks(inputs) }],
  };
}
