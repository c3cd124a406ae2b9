import type { PlainPage as PlainPageModel } from "../../src/domain/page.ts";
import { useBodyHtml, usePage } from "../components/context.ts";
import { Document } from "../components/Document.tsx";

/** About Us, Contact Us and the other pages of `content/pages/`. */
export function PlainPage({ page }: { readonly page: PlainPageModel }) {
  const { site } = usePage();
  return (
    <Document title={`${page.title} - ${site.config.name}`} description={page.description ?? page.title}>
      <article class="plain-page">
        <h1 class="headline">{page.title}</h1>
        <div
          class="article-body"
          // Safe: Markdown rendered and sanitised by src/render/markdown.ts.
          dangerouslySetInnerHTML={{ __html: useBodyHtml(page) }}
        />
      </article>
    </Document>
  );
}
