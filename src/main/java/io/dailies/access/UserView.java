package io.dailies.access;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password or its hash. */
public record UserView(String username, List<String> roles, boolean enabled, Instant createdAt, String createdBy,
                       Instant lastSignInAt, Instant passwordChangedAt) {

    static UserView of(UserAccount u) {
        return new UserView(u.getUsername(), List.copyOf(u.getRoles()), u.isEnabled(), u.getCreatedAt(), u.getCreatedBy(),
                u.getLastSignInAt(), u.getPasswordChangedAt());
    }
}
