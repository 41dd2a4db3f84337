// The sources panel (gr.HTML js_on_load): a click on a citation chip anywhere on the page
// becomes this component's "click" event with {ref: "TURN:N"}; when the panel's content
// changes, the highlighted span is scrolled into view inside it.
window.__vaCiteTrigger = trigger;
if (!window.__vaCiteBound) {
  window.__vaCiteBound = true;
  document.addEventListener("click", (event) => {
    const chip = event.target.closest ? event.target.closest("button.cite-chip") : null;
    if (!chip || !chip.value) return;
    event.preventDefault();
    document.querySelectorAll("button.cite-chip.va-active").forEach((b) => b.classList.remove("va-active"));
    chip.classList.add("va-active");
    window.__vaCiteTrigger("click", { ref: chip.value });
  });
}
watch("value", () => {
  const box = element.querySelector(".va-source-text");
  const mark = element.querySelector("mark.va-cite");
  if (!box || !mark) return;
  box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
  const rect = element.getBoundingClientRect();
  if (rect.top < 0 || rect.top > window.innerHeight) element.scrollIntoView({ block: "start" });
});
// Screen readers: Gradio labels each chat message "<role>'s message: <its HTML>"; the label
// is replaced by the message's own words (no tags), again whenever Gradio sets it back.
if (!window.__vaLabelBound) {
  window.__vaLabelBound = true;
  const plain = (el) => {
    const label = el.getAttribute("aria-label") || "";
    const cut = label.indexOf("'s message: ");
    if (cut < 0) return;
    const words = (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim();
    const wanted = label.slice(0, cut + 12) + words;
    if (label !== wanted) el.setAttribute("aria-label", wanted);   // set once: no mutation loop
  };
  const MESSAGE = "[aria-label*=\"'s message: \"]";
  const relabel = (root) => root.querySelectorAll(MESSAGE).forEach(plain);
  new MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === "attributes") plain(c.target);
      else {
        const node = c.target.nodeType === 1 ? c.target : c.target.parentElement;
        if (!node) continue;
        const host = node.closest(MESSAGE);
        if (host) plain(host); else relabel(node);
      }
    }
  }).observe(document.body, { subtree: true, childList: true, characterData: true,
                               attributes: true, attributeFilter: ["aria-label"] });
  relabel(document);
}
