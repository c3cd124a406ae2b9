// The search page: queries the Pagefind index in the reader's browser. Only /search/ loads this.
(async () => {
  const form = document.querySelector("[data-search-form]");
  const list = document.querySelector("[data-search-results]");
  const status = document.querySelector("[data-search-status]");
  if (!form || !list || !status) return;
  const input = form.querySelector("input[name=q]");
  const section = form.querySelector("select[name=section]");
  const base = form.dataset.base || "/";
  // A large site's index comes in parts: load the first, merge the others into it, all
  // at once (one after another, each part's two small files cost two round trips more).
  const [first, ...others] = form.dataset.index.split(" ");
  const pagefind = await import(`${base}${first}pagefind.js`);
  await pagefind.options({ baseUrl: base });
  await Promise.all(others.map((folder) => pagefind.mergeIndex(`${base}${folder}`, { baseUrl: base })));

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
      status.textContent = "";
      return;
    }
    const search = await pagefind.search(query, filter ? { filters: { section: filter } } : {});
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...results.map(item));
    status.textContent = results.length
      ? `${search.results.length} ${list.dataset.resultsWord}`
      : list.dataset.noResults;
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
