package io.dailies.emulator;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every emulator error in the provider's envelope: {"error": {"message", "type", "param", "code"}}. */
@Provider
public class EmulatorErrors implements ExceptionMapper<WebApplicationException> {

    static WebApplicationException invalid(String param, String message) {
        return error(400, "invalid_request_error", param, "invalid_value", message);
    }

    static WebApplicationException notFound(String what) {
        return error(404, "invalid_request_error", null, "not_found", what);
    }

    static WebApplicationException error(int status, String type, String param, String code, String message) {
        return new WebApplicationException(message, Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(envelope(type, param, code, message))
                .build());
    }

    static String envelope(String type, String param, String code, String message) {
        JsonObjectBuilder e = Json.createObjectBuilder().add("message", message).add("type", type);
        if (param == null) e.addNull("param"); else e.add("param", param);
        if (code == null) e.addNull("code"); else e.add("code", code);
        return Json.createObjectBuilder().add("error", e).build().toString();
    }

    @Override
    public Response toResponse(WebApplicationException e) {
        Response r = e.getResponse();
        if (r.hasEntity()) {
            return r;
        }
        int status = r.getStatus();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(envelope(status >= 500 ? "server_error" : "invalid_request_error", null, null,
                        e.getMessage() == null ? "HTTP " + status : e.getMessage()))
                .build();
    }
}
