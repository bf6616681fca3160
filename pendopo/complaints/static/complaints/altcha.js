/* ALTCHA proof-of-work (self-hosted, v1 format): find n so that SHA-256(salt + n) equals the
   signed challenge, then put the solution in the form. Without JavaScript the form still works;
   the server then applies its other defences. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-altcha]");
  if (!form || !window.crypto || !crypto.subtle || !window.fetch || !window.TextEncoder) return;
  var field = form.querySelector("input[name=altcha]");
  var status = document.getElementById("altcha-status");
  var enc = new TextEncoder();
  function hex(buf) {
    return Array.prototype.map.call(new Uint8Array(buf), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }
  async function solve(c) {
    for (var n = 0; n <= c.maxnumber; n++) {
      var h = hex(await crypto.subtle.digest("SHA-256", enc.encode(c.salt + n)));
      if (h === c.challenge) return n;
    }
    return null;
  }
  fetch(form.getAttribute("data-altcha"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(async function (c) {
      var n = await solve(c);
      if (n === null) return;
      field.value = btoa(JSON.stringify({
        algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt,
        signature: c.signature
      }));
      if (status) status.textContent = status.getAttribute("data-done") || "";
    })
    .catch(function () { /* the server's other defences apply */ });
})();
