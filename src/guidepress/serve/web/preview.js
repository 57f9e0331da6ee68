// Follows one output: the server sends its state (server-sent events) whenever it changes.
"use strict";
(() => {
  const path = document.body.dataset.path;
  const frame = document.getElementById("html");
  const pages = document.getElementById("pages");
  const count = document.getElementById("page-count");
  const status = document.getElementById("status");
  const problems = document.getElementById("problems");
  const problemsBox = document.getElementById("problems-box");
  const url = (route) => "/" + route + "/" + path.split("/").map(encodeURIComponent).join("/");
  let htmlShown = null;
  let pagesShown = null;

  function showHtml(version) {
    if (version === null || version === htmlShown) return;
    htmlShown = version;
    // Keep the reader's place: the new rendering opens where the old one was scrolled to.
    let y = 0;
    try { y = frame.contentWindow.scrollY; } catch (e) { y = 0; }
    frame.onload = () => { frame.contentWindow.scrollTo(0, y); };
    frame.src = url("html") + "?v=" + version;
    frame.dataset.version = version;
  }

  function showPages(drawn) {
    if (drawn === null || drawn.version === pagesShown) return;
    pagesShown = drawn.version;
    const top = pages.scrollTop;
    const images = [];
    for (let n = 1; n <= drawn.count; n++) {
      const img = document.createElement("img");
      img.alt = "Page " + n + " of " + drawn.count;
      img.src = url("pages") + "/" + n + ".png?v=" + drawn.version;
      images.push(img);
    }
    pages.replaceChildren(...images);
    pages.scrollTop = top;
    pages.dataset.version = drawn.version;
    count.textContent = "(" + drawn.count + ")";
  }

  function showProblems(lines) {
    problems.replaceChildren(...lines.map((line) => {
      const item = document.createElement("li");
      item.textContent = line;
      return item;
    }));
    problemsBox.hidden = lines.length === 0;
  }

  const events = new EventSource(url("events"));
  events.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    console.debug("state", event.data);
    showProblems(state.problems);
    showHtml(state.html);
    showPages(state.pages);
    status.classList.toggle("busy", state.drawing);
    status.textContent = state.drawing ? "Drawing the PDF pages…" : "Up to date";
  });
  events.onerror = () => {
    status.classList.remove("busy");
    status.textContent = "Not connected (is guidepress serve running?)";
  };
})();
