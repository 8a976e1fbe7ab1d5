// The console's one script: progressive enhancement only. Every page works without it; with it, times are shown
// in the browser's time zone, typed confirmations unlock their buttons, uploads show progress, a purge receipt's
// signature is checked again here with WebCrypto, and a new key can be copied. No inline code (the CSP forbids it).
"use strict";

(function () {
  const lang = document.body.dataset.locale || "en";

  function localTimes() {
    const format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "medium" });
    for (const el of document.querySelectorAll("time[datetime]")) {
      const when = new Date(el.getAttribute("datetime"));
      if (!isNaN(when)) {
        el.title = el.textContent;
        el.textContent = format.format(when);
      }
    }
  }

  function autosubmit() {
    for (const select of document.querySelectorAll("select[data-autosubmit]")) {
      select.addEventListener("change", () => select.form.requestSubmit());
    }
  }

  function typedConfirmations() {
    for (const form of document.querySelectorAll("form[data-confirm-word], form[data-confirm-source]")) {
      const input = form.querySelector("[data-confirm-input]");
      const button = form.querySelector("[data-confirm-button]");
      if (!input || !button) continue;
      const expected = () => form.dataset.confirmWord !== undefined
        ? form.dataset.confirmWord
        : (document.getElementById(form.dataset.confirmSource) || {}).value || "";
      const check = () => { button.disabled = !input.value || input.value.trim() !== expected().trim(); };
      form.addEventListener("input", check);
      form.addEventListener("change", check);
      check();
    }
  }

  function uploadProgress() {
    const form = document.getElementById("upload-form");
    if (!form || !window.XMLHttpRequest) return;
    const bar = document.getElementById(form.dataset.progress);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      bar.hidden = false;
      bar.value = 0;
      xhr.upload.addEventListener("progress", (e) => { if (e.lengthComputable) bar.value = 100 * e.loaded / e.total; });
      xhr.addEventListener("load", () => {
        if (xhr.status < 400) { window.location.assign(xhr.responseURL); return; }
        const page = new DOMParser().parseFromString(xhr.responseText, "text/html");
        const notice = page.querySelector(".notice.error");
        let shown = form.querySelector(".notice.error");
        if (!shown) {
          shown = document.createElement("div");
          shown.className = "notice error";
          shown.setAttribute("role", "alert");
          form.prepend(shown);
        }
        shown.textContent = notice ? notice.textContent.trim() : String(xhr.status);
        bar.hidden = true;
      });
      xhr.addEventListener("error", () => { bar.hidden = true; form.submit(); });
      xhr.send(new FormData(form));
    });
  }

  function b64(text) {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  }

  async function verifyReceipt() {
    const box = document.querySelector("[data-verify-receipt]");
    if (!box) return;
    const say = (text, ok) => {
      box.textContent = text;
      box.classList.add(ok === true ? "ok" : ok === false ? "error" : "muted");
      box.dataset.result = ok === true ? "valid" : ok === false ? "invalid" : "unsupported";
    };
    try {
      const key = await crypto.subtle.importKey("raw", b64(box.dataset.publicKey), { name: "Ed25519" }, false,
                                                ["verify"]);
      const body = document.getElementById("receipt-canonical").textContent;
      const message = new TextEncoder().encode(box.dataset.format + "\n" + body);
      const ok = await crypto.subtle.verify({ name: "Ed25519" }, key, b64(box.dataset.signature), message);
      say(ok ? box.dataset.ok : box.dataset.bad, ok);
    } catch (e) {
      say(box.dataset.unsupported, null);
    }
  }

  function keyHelpers() {
    for (const input of document.querySelectorAll("[data-select-on-focus]")) {
      input.addEventListener("focus", () => input.select());
    }
    for (const button of document.querySelectorAll("[data-copy]")) {
      if (!navigator.clipboard) continue;
      button.hidden = false;
      button.addEventListener("click", () => {
        navigator.clipboard.writeText(document.getElementById(button.dataset.copy).value);
      });
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    localTimes();
    autosubmit();
    typedConfirmations();
    uploadProgress();
    keyHelpers();
    verifyReceipt();
  });
})();
