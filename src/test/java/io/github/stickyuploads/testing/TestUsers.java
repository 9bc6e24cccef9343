package io.github.stickyuploads.testing;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;

/**
 * The users of the test applications: alice (user), bob (user, staff), carol (user). The password of
 * each is its name followed by "-pw". How they log in is up to {@link BasicLogin} or {@link FormLogin}.
 */
@DeclareRoles({"user", "staff"})
@ApplicationScoped
public class TestUsers implements IdentityStore {

    private static final Map<String, Set<String>> ROLES = users();

    /** alice, bob (also staff), carol, and user0 to user9 for the load test. */
    private static Map<String, Set<String>> users() {
        Map<String, Set<String>> users = new java.util.HashMap<>(Map.of(
                "alice", Set.of("user"),
                "bob", Set.of("user", "staff"),
                "carol", Set.of("user")));
        for (int i = 0; i < 10; i++) {
            users.put("user" + i, Set.of("user"));
        }
        return Map.copyOf(users);
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && ROLES.containsKey(login.getCaller())
                && login.compareTo(login.getCaller(), login.getCaller() + "-pw")) {
            return new CredentialValidationResult(login.getCaller(), ROLES.get(login.getCaller()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
