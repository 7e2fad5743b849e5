package io.dailies.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a request body against its Bean Validation constraints and answers 400 in the API's problem
 * shape, naming each field and why. Called by the resources themselves: a {@code @Valid} parameter
 * would be answered by the JAX-RS implementation's own report, in another shape than every other error.
 */
@ApplicationScoped
public class Inputs {

    @Inject
    Validator validator;

    /** The body, if it is valid; otherwise 400 with {"status","title","detail","fields":[{"field","message"}]}. */
    public <T> T valid(T body) {
        if (body == null) {
            throw ApiProblem.of(Response.Status.BAD_REQUEST, "The request needs a JSON body.");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (violations.isEmpty()) {
            return body;
        }
        List<ConstraintViolation<T>> sorted = violations.stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
        JsonArrayBuilder fields = Json.createArrayBuilder();
        StringBuilder detail = new StringBuilder();
        for (ConstraintViolation<T> v : sorted) {
            String field = v.getPropertyPath().toString();
            fields.add(Json.createObjectBuilder().add("field", field).add("message", v.getMessage()));
            detail.append(detail.length() == 0 ? "" : "; ").append(field).append(": ").append(v.getMessage());
        }
        throw new WebApplicationException(detail.toString(), Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("status", 400).add("title", "Bad Request")
                        .add("detail", detail.toString()).add("fields", fields).build().toString()).build());
    }
}
