// The search page: queries the Pagefind index in the reader's browser. Only /search/ loads this.
(async () => {
  const form = document.querySelector("[data-search-form]");
  const list = document.querySelector("[data-search-results]");
  const status = document.querySelector("[data-search-status]");
  if (!form || !list || !status) return;
  const input = form.querySelector("input[name=q]");
  const section = form.querySelector("select[name=section]");
  const base = form.dataset.base || "/";
  // The index comes in parts, by time: the newest first (then the plain pages, then older
  // parts). A search runs at once on the parts loaded so far, and shows what it finds; the
  // other parts are merged in growing batches after it, and each time the results are ranked
  // again over all the parts merged so far, so the best stay on top as older ones arrive.
  // A site with nothing to search has no index: the form says so rather than failing to load one.
  if (!form.dataset.index) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      status.textContent = list.dataset.noResults;
    });
    return;
  }
  const [first, ...others] = form.dataset.index.split(" ");
  const pagefind = await import(`${base}${first}pagefind.js`);
  await pagefind.options({ baseUrl: base });
  // Each batch twice the last (4, 8, 16, ...): the newest parts come soon after the first,
  // and a search that finds little reaches the oldest in a few rounds, not one per four parts.
  let batchSize = 4;
  // Parts asked for, and parts merged: a search typed while a batch loads waits for it rather
  // than taking the parts asked for as searched.
  let asked = 0;
  let merged = 0;
  let merging = Promise.resolve();
  const mergeMore = () => {
    const batch = others.slice(asked, asked + batchSize);
    batchSize *= 2;
    asked += batch.length;
    merging = merging
      .then(() =>
        Promise.all(batch.map((folder) => pagefind.mergeIndex(`${base}${folder}`, { baseUrl: base }))),
      )
      .then(() => {
        merged += batch.length;
      });
    return merging;
  };

  const item = (result) => {
    const li = document.createElement("li");
    li.className = "article-item";
    const heading = document.createElement("h2");
    heading.className = "item-headline";
    const link = document.createElement("a");
    link.href = result.url;
    link.textContent = result.meta.title || result.url;
    heading.append(link);
    li.append(heading);
    if (result.meta.date) {
      const meta = document.createElement("p");
      meta.className = "item-meta";
      meta.textContent = result.meta.date;
      li.append(meta);
    }
    const excerpt = document.createElement("p");
    excerpt.className = "item-summary";
    // Pagefind escapes the page text; its only markup is <mark> around the matched words.
    excerpt.innerHTML = result.excerpt;
    li.append(excerpt);
    return li;
  };

  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const filter = section.value;
    const url = new URL(location.href);
    url.searchParams.set("q", query);
    if (filter) url.searchParams.set("section", filter);
    else url.searchParams.delete("section");
    history.replaceState(null, "", url);
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      list.removeAttribute("aria-busy");
      status.textContent = "";
      return;
    }
    const options = filter ? { filters: { section: filter } } : {};
    const show = async () => {
      const search = await pagefind.search(query, options);
      const results = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
      if (ticket !== latest) return false;
      list.replaceChildren(...results.map(item));
      status.textContent = results.length
        ? `${search.results.length} ${list.dataset.resultsWord}`
        : merged < others.length
          ? ""
          : list.dataset.noResults;
      return true;
    };
    // Busy while older parts are still being searched (screen readers say so; tests wait for it).
    list.setAttribute("aria-busy", "true");
    if (!(await show())) return;
    while (merged < others.length) {
      await mergeMore();
      if (!(await show())) return;
    }
    list.removeAttribute("aria-busy");
  };

  let timer;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  section.addEventListener("change", run);

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  section.value = params.get("section") || "";
  if (input.value) run();
})();
