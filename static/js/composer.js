// Autosave for the post composer. Without JavaScript the "Save draft" button does the same.
const DELAY_MS = 3000;

for (const form of document.querySelectorAll("form[data-composer]")) {
  const status = form.querySelector("[data-autosave-status]");
  const url = form.dataset.autosaveUrl;
  if (!url || !(form.dataset.thread || form.dataset.category)) continue;
  let timer = null;
  let lastSent = "";

  const save = async () => {
    const data = new FormData(form);
    data.delete("action");
    if (form.dataset.thread) data.set("thread", form.dataset.thread);
    if (form.dataset.category) data.set("category", form.dataset.category);
    const snapshot = `${data.get("title") ?? ""}\u0000${data.get("body") ?? ""}\u0000${data.get("content_warning") ?? ""}`;
    if (snapshot === lastSent) return;
    try {
      const response = await fetch(url, {
        method: "POST",
        body: data,
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(String(response.status));
      const result = await response.json();
      lastSent = snapshot;
      if (status) status.textContent = result.message;
    } catch {
      if (status) status.textContent = "Your draft couldn't be saved just now. Use \u201cSave draft\u201d to try again.";
    }
  };

  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(save, DELAY_MS);
  });
  form.addEventListener("submit", () => clearTimeout(timer));
}
