import { useAbsoluteUrl, usePage } from "./context.ts";

/** Share links as plain links (no third-party scripts), and a copy-link button for scripted pages. */
export function ShareBar({ url, title }: { readonly url: string; readonly title: string }) {
  const { site } = usePage();
  const absolute = useAbsoluteUrl()(url);
  const u = encodeURIComponent(absolute);
  const t = encodeURIComponent(title);
  const targets = [
    { name: "LINE", href: `https://social-plugins.line.me/lineit/share?url=${u}` },
    { name: "X", href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "Weibo", href: `https://service.weibo.com/share/share.php?url=${u}&title=${t}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${title} ${absolute}`)}` },
    { name: "E-mail", href: `mailto:?subject=${t}&body=${u}` },
  ];
  return (
    <ul class="share-bar" aria-label={site.config.words.share}>
      {targets.map((target) => (
        <li key={target.name}>
          <a class={`share share-${target.name.toLowerCase()}`} href={target.href} rel="noopener">
            {target.name}
          </a>
        </li>
      ))}
      <li class="js-only">
        <button
          class="share share-copy"
          type="button"
          data-copy-link={absolute}
          data-copied={site.config.words.linkCopied}
        >
          {site.config.words.copyLink}
        </button>
      </li>
    </ul>
  );
}
