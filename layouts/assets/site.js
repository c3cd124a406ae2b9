// newsdesk's only client script: reading tools, copy link, phone menu, click-to-load video,
// the sidebar blocks from their shared file. Everything else on the page works without it.
(() => {
  const root = document.documentElement;
  const KEY = "newsdesk:text-size";

  const showTextSize = (size) => {
    if (size === "medium") root.removeAttribute("data-text-size");
    else root.setAttribute("data-text-size", size);
    for (const button of document.querySelectorAll("[data-set-text-size]")) {
      button.setAttribute("aria-pressed", String(button.dataset.setTextSize === size));
    }
  };
  showTextSize(root.getAttribute("data-text-size") || "medium");

  // Most pages keep only the sidebar blocks' headings and the space for them; the blocks
  // come from one small file every such page shares, so a new most-read list or top story
  // changes that file, not the pages. Each block takes exactly the space kept for it. If
  // the file cannot be had, the space goes and the headings still lead to each block's page.
  const sidebar = document.querySelector("[data-shared-blocks]");
  if (sidebar) {
    fetch(sidebar.dataset.sharedBlocks, { priority: "low" })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(response.statusText))))
      .then((html) => {
        const shared = new DOMParser().parseFromString(html, "text/html");
        for (const block of shared.querySelectorAll("[data-block]")) {
          sidebar.querySelector(`[data-block="${block.dataset.block}"]`)?.replaceWith(block);
        }
      })
      .catch(() => sidebar.classList.add("blocks-failed"));
  }

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const sizeButton = target?.closest("[data-set-text-size]");
    if (sizeButton) {
      const size = sizeButton.dataset.setTextSize;
      showTextSize(size);
      try {
        if (size === "medium") localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, size);
      } catch {
        // Private mode may refuse storage: the size still applies to this page.
      }
      return;
    }
    if (target?.closest("[data-print]")) {
      window.print();
      return;
    }
    const copy = target?.closest("[data-copy-link]");
    if (copy) {
      // The button's own text, kept from the first click: a second click comes while it says "copied".
      copy.dataset.label ??= copy.textContent;
      const label = copy.dataset.label;
      const confirm = () => {
        copy.textContent = copy.dataset.copied;
        setTimeout(() => {
          copy.textContent = label;
        }, 2000);
      };
      navigator.clipboard?.writeText(copy.dataset.copyLink).then(confirm, confirm);
      return;
    }
    const toggle = target?.closest(".menu-toggle");
    if (toggle) {
      setMenu(toggle, toggle.getAttribute("aria-expanded") !== "true");
      return;
    }
    const video = target?.closest("a.video-embed");
    // Only the build marks a link as a player, for an https address on an allowed video host.
    if (video && video.protocol === "https:") {
      // The player's host is contacted only now, because the reader asked for it.
      event.preventDefault();
      const frame = document.createElement("iframe");
      frame.src = video.href;
      frame.title = video.textContent;
      frame.allow = "fullscreen; picture-in-picture";
      frame.className = "video-frame";
      video.replaceWith(frame);
      // The link had focus; leave a keyboard reader on the player rather than at the top of the page.
      frame.focus();
    }
  });

  const setMenu = (toggle, open) => {
    toggle.setAttribute("aria-expanded", String(open));
    document.getElementById(toggle.getAttribute("aria-controls"))?.classList.toggle("open", open);
  };
  document.addEventListener("keydown", (event) => {
    const toggle = document.querySelector(".menu-toggle[aria-expanded='true']");
    if (event.key === "Escape" && toggle) {
      setMenu(toggle, false);
      toggle.focus();
    }
  });
})();
