import { renderToString } from "preact-render-to-string";
import { Page, type PageInputs } from "../../layouts/components/context.ts";
import { SharedBlocksFile } from "../../layouts/components/SharedBlocksFile.tsx";

/** The shared blocks file's HTML (SHARED_BLOCKS_URL), from the same components as the pages' sidebar. */
export function renderSharedBlocks(inputs: PageInputs): string {
  return `<!doctype html>${renderToString(
    <Page.Provider value={{ ...inputs, parts: new Map() }}>
      <SharedBlocksFile />
    </Page.Provider>,
  )}`;
}
