/* "Leave this page" on sensitive lessons (partials/zb-leave.html): go to the neutral site at
   once and put it in place of this page in the history, so Back does not return here. */
(function () {
  "use strict";
  var link = document.querySelector(".zb-leave__link");
  if (!link) return;
  link.addEventListener("click", function (e) {
    e.preventDefault();
    location.replace(link.href);
  });
})();
