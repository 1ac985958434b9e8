// The initial report's steps without losing a word (autosave.js): every change is kept in this
// browser and saved as the draft a moment later; the next visit to the step puts back what the
// server did not get, and saves it. Without script the step's buttons post the form, and the
// server saves it the same way.
(() => {
  "use strict";
  const form = document.getElementById("initial-form");
  if (!form) return;
  const draft = window.attAutosave(form, () => {});

  form.addEventListener("submit", (event) => {
    const action = event.submitter ? event.submitter.value : "save";
    draft.cancel();
    if (action === "save") {
      event.preventDefault();
      draft.save();
      return;
    }
    // Going to another step posts the form: the server saves it. What is kept here stays
    // until this step is shown again with the same answers (then it is forgotten).
    draft.keepLocally();
  });

  // Answers kept in this browser and never saved: put them back in the form and save them now.
  const kept = draft.kept();
  if (!kept) return;
  const data = new URLSearchParams(kept);
  form.querySelectorAll("input, textarea").forEach((field) => {
    if (!field.name || field.name === "csrf_token" || field.name === "step" || field.type === "hidden") return;
    if (field.type === "checkbox" || field.type === "radio") field.checked = data.getAll(field.name).includes(field.value);
    else field.value = data.get(field.name) || "";
  });
  draft.restored();
})();
