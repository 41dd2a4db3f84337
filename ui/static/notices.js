// The notices table (gr.HTML js_on_load): a click, or Enter/Space, on a title button
// becomes this component's "select" event with {index: row, value: notice id}; the chosen
// row is marked with aria-current (and styled by app.css), so it is not announced as a
// selected spreadsheet cell.
if (!element.__vaPickBound) {
  element.__vaPickBound = true;
  element.addEventListener("click", (event) => {
    const pick = event.target.closest ? event.target.closest("button.va-pick") : null;
    if (!pick || !element.contains(pick)) return;
    element.querySelectorAll("tr[aria-current]").forEach((tr) => tr.removeAttribute("aria-current"));
    pick.closest("tr").setAttribute("aria-current", "true");
    trigger("select", { index: Number(pick.dataset.row), value: pick.value });
  });
}
