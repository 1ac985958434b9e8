// Autosave of a draft form, shared by the annual report editor and the initial report's steps:
// every change is first kept in this browser (localStorage), then posted as the draft a moment
// later, and only what the server then holds is forgotten here. A closed tab or an expired
// session loses nothing: the page puts back what is still kept (its own restore) and saves it.
// Usage: const draft = attAutosave(form, (answer) => { ... the page shows the server's answer ... });
window.attAutosave = (form, onAnswer) => {
  "use strict";
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

  const forget = () => localStorage.removeItem(key);

  // What this browser kept and the server may not have; null when nothing, or when it is what
  // the form already shows (then it is forgotten).
  const kept = () => {
    let entry = null;
    try { entry = JSON.parse(localStorage.getItem(key) || "null"); } catch (e) { entry = null; }
    if (!entry || !entry.data) return null;
    if (entry.data === serialize()) { forget(); return null; }
    return entry.data;
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
      onAnswer(answer);
      if (answer.saved) {
        statusLine.textContent = words.saved.replace("{time}", answer.saved_at);
        unsaved.hidden = true;
        // Only what the server now holds may be forgotten here.
        if (serialize() === body) forget();
      } else {
        // Refused: the page's answer says why; the edit stays kept here.
        statusLine.textContent = "";
      }
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
  const cancel = () => clearTimeout(timer);
  const restored = () => { statusLine.textContent = words.restored; save(); };

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  return { keepLocally, forget, kept, save, changed, cancel, restored, words, unsaved };
};
