/* Our stand-in for Material's bundle.js (see overrides/main.html): no-js -> js; the menu
   button opens the drawer and moves focus into it, Escape or leaving it closes it and gives
   focus back; Escape or an in-page link closes drawer and search; open search holds the
   page still on phones; Enter or Space works a focusable section toggle in the menu. */
(function () {
  "use strict";
  var d = document, body = d.body, y = 0;
  var c = d.documentElement.classList;
  c.remove("no-js");
  c.add("js");
  var drawer = d.getElementById("__drawer"), search = d.getElementById("__search");
  var menu = d.querySelector(".zb-menu-open"), nav = d.querySelector(".md-sidebar--primary");
  var phone = matchMedia("(max-width: 59.984375em)");
  function close() {
    [drawer, search].forEach(function (box) { if (box && box.checked) box.click(); });
  }
  if (menu && drawer && nav) {
    nav.id = nav.id || "zb-menu";
    menu.setAttribute("aria-controls", nav.id);
    menu.hidden = false;
    menu.addEventListener("click", function () {
      drawer.click();
      if (!drawer.checked) return;
      var first = nav.querySelector("a[href]");
      if (first) first.focus();
    });
    drawer.addEventListener("change", function () {
      menu.setAttribute("aria-expanded", String(drawer.checked));
    });
    nav.addEventListener("focusout", function (e) {
      if (drawer.checked && e.relatedTarget && !nav.contains(e.relatedTarget)
          && e.relatedTarget !== menu) drawer.click();
    });
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
  d.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      var back = menu && drawer && drawer.checked && nav.contains(d.activeElement);
      close();
      if (back) menu.focus();
    }
    var t = e.target;
    if ((e.key === "Enter" || e.key === " ") && t.matches && t.matches("label[tabindex][for]")) {
      e.preventDefault();
      t.click();
    }
  });
  addEventListener("hashchange", close);
})();
