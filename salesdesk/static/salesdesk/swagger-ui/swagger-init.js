// Starts Swagger UI for /api/v1/docs from the settings the page carries as JSON
// (no inline script: the Content-Security-Policy allows scripts from our origin only).
"use strict";
(function () {
  const config = JSON.parse(document.getElementById("swagger-settings").textContent);
  config.dom_id = "#swagger-ui";
  config.presets = [SwaggerUIBundle.presets.apis];
  SwaggerUIBundle(config);
})();
