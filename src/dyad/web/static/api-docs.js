/* The interactive API docs (/docs): Swagger UI over this server's OpenAPI document. A file of
   its own, not inline, so the Content-Security-Policy (script-src 'self') allows it. */
(function () {
  'use strict';
  var box = document.getElementById('swagger-ui');
  if (!box || typeof window.SwaggerUIBundle !== 'function') { return; }
  window.SwaggerUIBundle({
    url: box.getAttribute('data-spec'),
    domNode: box,
    presets: [window.SwaggerUIBundle.presets.apis],
    // the page has its own title and description: leave out Swagger UI's info block
    plugins: [function () { return { components: { InfoContainer: function () { return null; } } }; }],
    layout: 'BaseLayout',
    deepLinking: true,
    supportedSubmitMethods: ['get', 'head'],  // the app is read-only
    validatorUrl: null,  // never call the public validator: the docs work offline
    defaultModelsExpandDepth: 0
  });
})();
