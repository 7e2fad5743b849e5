// The API's own description, served by the server's MicroProfile OpenAPI.
window.ui = SwaggerUIBundle({url: '../openapi?format=JSON', dom_id: '#swagger-ui', deepLinking: true});
