package io.github.stickyuploads.example;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Map;
import java.util.Set;

/**
 * The demo's two users, logging in through the form at /login.xhtml (j_security_check): {@code demo} may
 * apply with files, {@code visitor} may look but not upload. A real application would use a database or
 * LDAP identity store here.
 */
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login.xhtml",
        errorPage = "/login.xhtml?failed=true", useForwardToLogin = false))
@DeclareRoles({DemoUsers.APPLICANT, DemoUsers.VISITOR})
@ApplicationScoped
public class DemoUsers implements IdentityStore {

    /** May upload and apply. */
    public static final String APPLICANT = "applicant";
    /** Logged in, without the right to upload. */
    public static final String VISITOR = "visitor";

    private static final Map<String, Set<String>> ROLES = Map.of("demo", Set.of(APPLICANT), "visitor", Set.of(VISITOR));

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && ROLES.containsKey(login.getCaller())
                && login.compareTo(login.getCaller(), login.getCaller())) {
            return new CredentialValidationResult(login.getCaller(), ROLES.get(login.getCaller()));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
