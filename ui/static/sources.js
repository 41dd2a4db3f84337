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
