// While the requester types the details, list public items that may already answer them.
(function () {
  "use strict";
  var field = document.querySelector("[data-ppid-suggest]");
  var box = document.getElementById("ppid-saran");
  if (!field || !box || !window.fetch) return;
  var timer = null;
  var last = "";
  function render(items) {
    box.textContent = "";
    if (!items.length) return;
    var intro = document.createElement("p");
    intro.textContent = "Informasi ini mungkin sudah tersedia:";
    var list = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.url;
      a.textContent = item.title;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + item.category + ", " + item.holder + ")"));
      list.appendChild(li);
    });
    box.appendChild(intro);
    box.appendChild(list);
  }
  field.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = field.value.trim();
      if (text.length < 4 || text === last) return;
      last = text;
      fetch("/ppid/saran/?teks=" + encodeURIComponent(text.slice(0, 500)))
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (data) { render(data.items || []); })
        .catch(function () {});
    }, 400);
  });
})();
