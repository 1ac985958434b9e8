// The Secretariat entering a report received by e-mail attaches the original document: the
// report is submitted first (its receipt names the new version), then the file goes to the
// attachments API for that version, and the receipt is shown.
(() => {
  "use strict";
  const form = document.getElementById("submit-form");
  const original = document.getElementById("original-document");
  if (!form || !original) return;
  original.closest("[hidden]")?.removeAttribute("hidden");
  const status = document.getElementById("attach-status");
  form.addEventListener("submit", async (event) => {
    const file = original.files[0];
    if (!file) return;
    event.preventDefault();
    const csrf = form.querySelector("[name=csrf_token]").value;
    const fields = new URLSearchParams(new FormData(form));
    fields.delete("original");
    status.textContent = form.dataset.working;
    const submitted = await fetch(form.getAttribute("action"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: fields.toString(),
    });
    const receipt = new URL(submitted.url);
    const version = receipt.searchParams.get("version");
    if (!submitted.ok || !version) {
      document.open();
      document.write(await submitted.text());
      document.close();
      return;
    }
    const attach = `${form.dataset.attachments}?name=${encodeURIComponent(file.name)}&version=${version}`;
    const attached = await fetch(attach, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": file.type || "application/octet-stream", "X-CSRF-Token": csrf },
      body: file,
    });
    if (!attached.ok) {
      const answer = await attached.json().catch(() => ({}));
      status.textContent = (answer.error && answer.error.message) || String(attached.status);
      return;
    }
    window.location.assign(receipt.pathname + receipt.search);
  });
})();
