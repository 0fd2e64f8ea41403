/* Our stand-in for Material's bundle.js (see overrides/main.html): no-js -> js; Escape or
   an in-page link closes drawer and search; open search holds the page still on phones. */
(function () {
  "use strict";
  var d = document, body = d.body, y = 0;
  var c = d.documentElement.classList;
  c.remove("no-js");
  c.add("js");
  var drawer = d.getElementById("__drawer"), search = d.getElementById("__search");
  var phone = matchMedia("(max-width: 59.984375em)");
  function close() {
    [drawer, search].forEach(function (box) { if (box && box.checked) box.click(); });
  }
  if (search) search.addEventListener("change", function () {
    if (search.checked && phone.matches) {
      y = scrollY;
      body.style.top = -y + "px";
      body.setAttribute("data-md-scrolllock", "");
    } else if (body.hasAttribute("data-md-scrolllock")) {
      body.removeAttribute("data-md-scrolllock");
      body.style.top = "";
      scrollTo(0, y);
    }
  });
  d.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
  addEventListener("hashchange", close);
})();
