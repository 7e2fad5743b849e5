package io.dailies.access;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * Someone who signs in to Dailies: a name, a password kept only as a salted PBKDF2 hash, the roles granted
 * (each implies the lesser ones, {@link io.dailies.platform.Roles}), and whether the account may sign in.
 * The emulator's control API reads the same two tables (its own identity store), so an admin here is an
 * admin there.
 */
@Entity
@Table(name = "dailies_user")
public class UserAccount {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    /** Jakarta Security's Pbkdf2PasswordHash form: algorithm:iterations:salt:hash. */
    @Column(name = "password_hash", nullable = false, length = 400)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dailies_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 20)
    private Set<String> roles = new TreeSet<>();

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(length = 64)
    private String createdBy;

    private Instant passwordChangedAt;

    private Instant lastSignInAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Set<String> roles, String createdBy, Instant now) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = new TreeSet<>(roles);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    public Set<String> getRoles() {
        return roles;
    }

    void setRoles(Set<String> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    void signedIn(Instant now) {
        this.lastSignInAt = now;
    }
}
