// The API's own description, served by the server's MicroProfile OpenAPI. "Try it out" calls the API with the
// console's session: the same X-Requested-With (a 401 then opens no browser password dialog; sign in on the
// console first) and the CSRF cookie echoed as X-CSRF-Token, as the console's lib.js does.
window.ui = SwaggerUIBundle({
    url: '../openapi?format=JSON', dom_id: '#swagger-ui', deepLinking: true,
    requestInterceptor: request => {
        request.headers['X-Requested-With'] = 'dailies-console';
        const m = document.cookie.match(/(?:^|;\s*)dailies-csrf=([^;]*)/);
        if (m) request.headers['X-CSRF-Token'] = decodeURIComponent(m[1]);
        return request;
    }
});
