import { topicUrl } from "../../src/domain/urls.ts";
import { useHref, usePage } from "../components/context.ts";
import { Document } from "../components/Document.tsx";

/** Every topic (tag) on the site, A to Z, with its number of articles. */
export function TopicsPage() {
  const { site } = usePage();
  const href = useHref();
  const { words } = site.config;
  return (
    <Document title={`${words.topics} - ${site.config.name}`} description={words.topicsIntro}>
      <div class="listing">
        <h1 class="listing-title">{words.topics}</h1>
        <p>{words.topicsIntro}</p>
        <ul class="topic-index">
          {site.topics.map((topic) => (
            <li key={topic.slug}>
              <a href={href(topicUrl(topic.slug))}>{topic.name}</a>{" "}
              <span class="count">{topic.articles.length}</span>
            </li>
          ))}
        </ul>
      </div>
    </Document>
  );
}
