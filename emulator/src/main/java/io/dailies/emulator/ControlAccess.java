package io.dailies.emulator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Who may use the control API (/v1/control: counters, fault plans, defect rules): Dailies' admins, by HTTP Basic,
 * checked against the users Dailies keeps in its own database (the emulator is deployed beside it). The provider
 * API itself stays as a provider's is: any bearer key. Plain Jakarta Security, so the emulator shares no code
 * with the product; web.xml names the protected paths and the role.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "Dailies emulator control")
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "java:jboss/datasources/DailiesDS",
        callerQuery = "select password_hash from dailies_user where username = ? and enabled = true",
        groupsQuery = "select r.role from dailies_user_role r join dailies_user u on u.id = r.user_id where u.username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class ControlAccess {
}
