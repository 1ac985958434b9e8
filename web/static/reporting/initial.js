// The initial report's steps without losing a word: every change is first kept in this browser
// (localStorage), then saved as the draft a moment later. A closed tab or an expired session
// loses nothing: the next visit to the step puts back what the server did not get, and saves it.
// Without script the step's buttons post the form, and the server saves it the same way.
(() => {
  "use strict";
  const form = document.getElementById("initial-form");
  if (!form) return;
  const key = form.dataset.key;
  // Not form.action: the form's buttons are named "action", which that property would return.
  const target = form.getAttribute("action");
  const csrf = form.dataset.csrf;
  const statusLine = document.getElementById("save-status");
  const unsaved = document.getElementById("unsaved-message");
  const words = document.getElementById("saved-template").dataset;
  let timer = null;
  let saving = false;
  let again = false;

  const serialize = () => {
    const data = new URLSearchParams(new FormData(form));
    data.delete("csrf_token");
    return data.toString();
  };

  const keepLocally = () => {
    try {
      localStorage.setItem(key, JSON.stringify({ data: serialize(), at: Date.now() }));
    } catch (e) {
      /* storage full or refused: the server copy still follows */
    }
  };

  const save = async () => {
    if (saving) { again = true; return; }
    saving = true;
    const body = serialize();
    statusLine.textContent = words.saving;
    try {
      const response = await fetch(target, {
        method: "POST",
        credentials: "same-origin",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json", "X-CSRF-Token": csrf },
        body,
      });
      const json = (response.headers.get("content-type") || "").includes("application/json");
      if (!json || response.status === 401 || response.status === 403) throw new Error("not saved");
      const answer = await response.json();
      if (!answer.saved) { statusLine.textContent = ""; return; }
      statusLine.textContent = words.saved.replace("{time}", answer.saved_at);
      unsaved.hidden = true;
      // Only what the server now holds may be forgotten here.
      if (serialize() === body) localStorage.removeItem(key);
    } catch (e) {
      statusLine.textContent = "";
      unsaved.hidden = false;
    } finally {
      saving = false;
      if (again) { again = false; save(); }
    }
  };

  const changed = () => {
    keepLocally();
    clearTimeout(timer);
    timer = setTimeout(save, 700);
  };

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", (event) => {
    const action = event.submitter ? event.submitter.value : "save";
    clearTimeout(timer);
    if (action === "save") {
      event.preventDefault();
      save();
      return;
    }
    // Going to another step posts the form: the server saves it. What is kept here stays
    // until this step is shown again with the same answers (then it is forgotten, below).
    keepLocally();
  });

  // Answers kept in this browser and never saved: put them back in the form and save them now.
  const restore = () => {
    let kept = null;
    try { kept = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { kept = null; }
    if (!kept || !kept.data) return;
    if (kept.data === serialize()) { localStorage.removeItem(key); return; }
    const data = new URLSearchParams(kept.data);
    form.querySelectorAll("input, textarea").forEach((field) => {
      if (!field.name || field.name === "csrf_token" || field.name === "step" || field.type === "hidden") return;
      if (field.type === "checkbox" || field.type === "radio") field.checked = data.getAll(field.name).includes(field.value);
      else field.value = data.get(field.name) || "";
    });
    statusLine.textContent = words.restored;
    save();
  };
  restore();
})();
