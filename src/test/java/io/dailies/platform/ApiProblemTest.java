package io.dailies.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Errors nobody planned for keep the API's problem shape; a lost update is a 409, never a 500. */
class ApiProblemTest {

    @Test
    void aLostUpdateWrappedByTheTransactionIsAConflict() {
        // As a commit reports it: the transaction manager wraps the flush's optimistic lock failure.
        RollbackException commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commit.initCause(new OptimisticLockException("Row was updated or deleted by another transaction"));
        Response r = new ApiProblem.Unexpected().toResponse(new RuntimeException("commit failed", commit));
        assertEquals(409, r.getStatus());
        String body = (String) r.getEntity();
        assertTrue(body.contains("\"status\":409") && body.contains("at the same time"), body);
    }

    @Test
    void aBodyJsonbCouldNotReadIsTheClientsMistake() {
        Response r = new ApiProblem.Unexpected().toResponse(new jakarta.ws.rs.ProcessingException("RESTEASY008200",
                new jakarta.json.bind.JsonbException("Unexpected char 39 at (line no=1, column no=1, offset=0)")));
        assertEquals(400, r.getStatus());
        assertTrue(((String) r.getEntity()).contains("not valid JSON"), (String) r.getEntity());
    }

    @Test
    void anyOtherFailureIsA500WithAReferenceAndNoInternals() {
        Response r = new ApiProblem.Unexpected().toResponse(new IllegalStateException("secret internals at /srv/x"));
        assertEquals(500, r.getStatus());
        String body = (String) r.getEntity();
        assertTrue(body.contains("\"status\":500") && body.contains("in the server log"), body);
        assertTrue(!body.contains("/srv/x"), body);
    }
}
