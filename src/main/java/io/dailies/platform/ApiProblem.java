package io.dailies.platform;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An API error a person can act on: {"status", "title", "detail"}. */
public final class ApiProblem {

    private ApiProblem() {
    }

    public static WebApplicationException of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static WebApplicationException of(int status, String title, String detail) {
        return new WebApplicationException(detail, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(status, title, detail)).build());
    }

    /** The problem's JSON: {"status", "title", "detail"} (the detail is the title when there is none). */
    public static String body(int status, String title, String detail) {
        return Json.createObjectBuilder().add("status", status).add("title", title)
                .add("detail", detail == null ? title : detail).build().toString();
    }

    /** A body that is not JSON, or not the JSON asked for. */
    @Provider
    public static class BadJson implements ExceptionMapper<jakarta.json.JsonException> {
        @Override
        public Response toResponse(jakarta.json.JsonException e) {
            return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body(400, "Bad Request", "The request body is not valid JSON: " + e.getMessage())).build();
        }
    }

    /** Throws 400 with the message unless the condition holds. */
    public static void require(boolean condition, String detail) {
        if (!condition) {
            throw of(Response.Status.BAD_REQUEST, detail);
        }
    }

    /**
     * A failure nobody planned for, an {@link Error} such as {@link OutOfMemoryError} too: logged in full on
     * the server with a reference, answered as JSON with that reference and without internals.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {

        @Override
        public Response toResponse(Throwable e) {
            jakarta.persistence.OptimisticLockException lost = lostUpdate(e);
            if (lost != null) {
                // Two actors changed the same thing at once and this request came second: nothing of it was saved.
                String what = lost.getEntity() == null ? "it" : "this " + lost.getEntity().getClass().getSimpleName().toLowerCase();
                LOG.info(() -> "Lost update refused: " + lost.getMessage());
                return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(body(409, "Conflict", "Someone changed " + what + " at the same time; nothing of this request"
                                + " was saved. Reload and try again.")).build();
            }
            Throwable unreadable = unreadableBody(e);
            if (unreadable != null) {
                // A record body JSON-B could not read: the client's mistake, said as such.
                return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(body(400, "Bad Request", "The request body is not valid JSON: " + unreadable.getMessage())).build();
            }
            return Response.serverError().type(MediaType.APPLICATION_JSON_TYPE).entity(unexpected(e)).build();
        }
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ApiProblem.class.getName());

    /**
     * The 500 answer to a failure nobody planned for: logs it in full with a fresh reference and says that
     * reference, nothing of the failure's internals. Running out of memory says so, and what to do.
     */
    static String unexpected(Throwable e) {
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.log(java.util.logging.Level.SEVERE, "Unexpected API error " + reference, e);
        if (outOfMemory(e)) {
            return body(500, "Internal Server Error", "Dailies ran out of memory answering this request (error " + reference
                    + " in the server log). Ask for less at once (e.g. a smaller ?limit=) or give the server more heap.");
        }
        return body(500, "Internal Server Error", "Dailies could not complete the request (error " + reference
                + " in the server log).");
    }

    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The optimistic lock failure behind an exception (a commit wraps it in transaction exceptions), if any. */
    static jakarta.persistence.OptimisticLockException lostUpdate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException o) {
                return o;
            }
        }
        return null;
    }

    /** The JSON-B or JSON-P failure to read a request body behind an exception (RESTEasy wraps it), if any. */
    static Throwable unreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException) {
                return t;
            }
        }
        return null;
    }

    /** Any other JAX-RS error (404 of an unknown path, 405, 415...) in the same shape. */
    @Provider
    public static class Mapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response r = e.getResponse();
            if (r.hasEntity()) {
                return r;
            }
            Response.StatusType s = r.getStatusInfo();
            return Response.status(s.getStatusCode()).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body(s.getStatusCode(), s.getReasonPhrase(), e.getMessage())).build();
        }
    }
}
