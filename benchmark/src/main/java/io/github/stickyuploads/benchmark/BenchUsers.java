package io.github.stickyuploads.benchmark;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** One user, "bench" / "bench", over HTTP Basic: both endpoints pay the same authentication cost. */
@BasicAuthenticationMechanismDefinition(realmName = "benchmark")
@DeclareRoles("user")
@ApplicationScoped
public class BenchUsers implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && login.compareTo("bench", "bench")) {
            return new CredentialValidationResult("bench", Set.of("user"));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
