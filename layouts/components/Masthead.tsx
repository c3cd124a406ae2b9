import { useHref, usePage } from "./context.ts";

/** The publication's name and tagline; the anchor Back to top returns to. */
export function Masthead() {
  const { site } = usePage();
  const href = useHref();
  return (
    <header class="masthead" id="top">
      <div class="masthead-inner">
        <a class="brand" href={href("/")}>
          <span class="brand-name">{site.config.name}</span>
          <span class="brand-tagline">{site.config.tagline}</span>
        </a>
      </div>
    </header>
  );
}
