// The annual report editor without page reloads: rows are added, duplicated and deleted in
// place, and the whole form is saved as the draft a moment after each change (autosave.js), each
// change first kept in this browser, so that a closed tab or an expired session loses nothing:
// the next visit to the page restores what was not saved and saves it.
(() => {
  "use strict";
  const form = document.getElementById("report-editor");
  if (!form) return;
  const csrf = form.dataset.csrf;
  const template = document.getElementById("line-template");
  const rows = () => Array.from(form.querySelectorAll("tr.line-row"));

  // Names follow the document order, exports first, as the server numbers lines.
  const renumber = () => {
    rows().forEach((row, i) => {
      row.dataset.row = String(i);
      row.querySelector(".row-number").textContent = String(i + 1);
      row.querySelectorAll("[data-column]").forEach((field) => {
        const column = field.dataset.column;
        field.name = `l${i}.${column}`;
        if (column === "direction") return;
        field.id = `f-l${i}-${column}`;
        if (field.dataset.label) field.setAttribute("aria-label", `${field.dataset.label} · ${i + 1}`);
      });
    });
  };

  const newRow = (direction) => {
    const row = template.content.querySelector("tr").cloneNode(true);
    row.querySelector('[data-column="direction"]').value = direction;
    row.querySelectorAll(".field-error").forEach((e) => e.remove());
    return row;
  };

  // "See question N of the guidance", as the page draws it (reporting/guidance_notes).
  const guidanceLink = (guide) =>
    Object.assign(document.createElement("a"), { className: "guidance-link", href: guide.href, textContent: guide.text });

  const showFindings = (answer) => {
    form.querySelectorAll(".field-error").forEach((e) => e.remove());
    form.querySelectorAll("[aria-invalid]").forEach((e) => {
      e.removeAttribute("aria-invalid");
      e.removeAttribute("aria-describedby");
    });
    for (const [id, messages] of Object.entries(answer.fields || {})) {
      const field = document.getElementById(id);
      if (!field) continue;
      const note = document.createElement("small");
      note.className = "field-error";
      note.id = `${id}-error`;
      note.textContent = messages.join(" ");
      const guide = (answer.guidance || {})[id];
      if (guide) note.append(" ", guidanceLink(guide));
      field.insertAdjacentElement("afterend", note);
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", note.id);
    }
    document.getElementById("errors-count").textContent = String(answer.errors);
    const general = document.getElementById("general-findings");
    general.replaceChildren(...(answer.general || []).map((m, i) => {
      const item = Object.assign(document.createElement("li"), { textContent: m });
      const guide = (answer.general_guidance || [])[i];
      if (guide) item.append(" ", guidanceLink(guide));
      return item;
    }));
    document.getElementById("findings-summary").hidden = !answer.errors && !(answer.general || []).length;
  };

  const showTotals = (direction, totals) => {
    const body = document.querySelector(`#totals-${direction} tbody`);
    if (!body) return;
    body.replaceChildren(...totals.map((t) => {
      const tr = document.createElement("tr");
      const th = Object.assign(document.createElement("th"), { scope: "row", textContent: t.category });
      tr.append(th, ...[t.lines, t.items, t.values].map((v) => Object.assign(document.createElement("td"), { textContent: v })));
      return tr;
    }));
  };

  const draft = window.attAutosave(form, (answer) => {
    showFindings(answer);
    showTotals("export", answer.exports || []);
    showTotals("import", answer.imports || []);
  });

  form.addEventListener("submit", (event) => {
    const action = event.submitter ? event.submitter.value : "save";
    draft.cancel();
    if (action !== "save") {
      // A shortcut (nil report, last year's report, pasted rows) is worked out by the server,
      // which saves the form with it: what is kept here would undo it on the next page.
      draft.forget();
      return;
    }
    event.preventDefault();
    draft.save();
  });

  // The workbook goes to the reports API as it is; the page then shows the draft it made.
  const upload = document.getElementById("workbook-upload");
  if (upload) {
    upload.hidden = false;
    const result = document.getElementById("workbook-result");
    document.getElementById("workbook-file").addEventListener("change", async (event) => {
      const file = event.target.files[0];
      if (!file) return;
      result.textContent = draft.words.saving;
      try {
        const response = await fetch(upload.dataset.url, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": file.type || "application/octet-stream", "X-CSRF-Token": csrf, Accept: "application/json" },
          body: file,
        });
        const answer = await response.json();
        if (response.ok) {
          draft.forget();
          window.location.reload();
          return;
        }
        const problems = (answer.error && answer.error.details && answer.error.details.problems) || [];
        result.textContent = [answer.error ? answer.error.message : "", ...problems.map((p) => `${p.cell || ""} ${p.message}`)].join(" · ");
      } catch (e) {
        result.textContent = "";
        draft.unsaved.hidden = false;
      }
    });
  }

  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-act]");
    if (!button) return;
    event.preventDefault();
    const act = button.dataset.act;
    if (act === "add") {
      const section = button.closest("section.report-table");
      const row = newRow(section.dataset.direction);
      section.querySelector("table.lines tbody").append(row);
      renumber();
      row.querySelector("input[type=text]").focus();
    } else {
      const row = button.closest("tr");
      if (act === "duplicate") {
        const copy = row.cloneNode(true);
        copy.querySelectorAll(".field-error").forEach((e) => e.remove());
        const from = row.querySelectorAll("input, select");
        copy.querySelectorAll("input, select").forEach((field, i) => { field.value = from[i].value; });
        row.after(copy);
        renumber();
        copy.querySelector("input[type=text]").focus();
      } else if (act === "delete") {
        const next = row.nextElementSibling || row.closest("section").querySelector("button[data-act=add]");
        row.remove();
        renumber();
        (next.querySelector ? next.querySelector("input[type=text]") || next : next).focus();
      }
    }
    draft.changed();
  });

  // Edits kept in this browser and never saved (the tab closed, the session ended): put them
  // back in the form and save them now.
  const restore = () => {
    const kept = draft.kept();
    if (!kept) return;
    const data = new URLSearchParams(kept);
    const lines = new Map();
    for (const [name, value] of data) {
      const match = /^l(\d+)\.(.+)$/.exec(name);
      if (match) {
        if (!lines.has(match[1])) lines.set(match[1], {});
        lines.get(match[1])[match[2]] = value;
      }
    }
    form.querySelectorAll("table.lines tbody").forEach((body) => body.replaceChildren());
    [...lines.keys()].sort((a, b) => a - b).forEach((index) => {
      const values = lines.get(index);
      const direction = values.direction === "import" ? "import" : "export";
      const row = newRow(direction);
      row.querySelectorAll("[data-column]").forEach((field) => {
        if (field.dataset.column !== "direction") field.value = values[field.dataset.column] || "";
      });
      document.querySelector(`#table-${direction} table.lines tbody`).append(row);
    });
    renumber();
    form.querySelectorAll("input, select, textarea").forEach((field) => {
      if (!field.name || /^l\d+\./.test(field.name) || field.name === "csrf_token") return;
      if (field.type === "checkbox") field.checked = data.getAll(field.name).includes(field.value);
      else if (field.type === "radio") field.checked = data.get(field.name) === field.value;
      else field.value = data.get(field.name) || "";
    });
    draft.restored();
  };
  restore();
})();
