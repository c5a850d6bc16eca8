// Swagger UI over this server's OpenAPI schema, in place of the endpoint list
// the page shows without JavaScript. A file, not an inline script, so that the
// page's Content-Security-Policy can refuse every inline script.
"use strict";
(function () {
  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.ui = window.SwaggerUIBundle({
    url: root.getAttribute("data-openapi"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    // The default validator is a remote service: nothing leaves this machine.
    validatorUrl: null,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
})();
