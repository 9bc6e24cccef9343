package io.github.stickyuploads.benchmark;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * The benchmark's users over HTTP Basic, so that both endpoints pay the same authentication cost: "bench" and
 * "bench0" to "bench199", each with its name as password. The runner spreads uploads over the 200, as a server
 * sees many users who each have a few uploads under way, within the default quota.
 */
@BasicAuthenticationMechanismDefinition(realmName = "benchmark")
@DeclareRoles("user")
@ApplicationScoped
public class BenchUsers implements IdentityStore {

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login && login.getCaller().matches("bench(1?\\d?\\d)?")
                && login.compareTo(login.getCaller(), login.getCaller())) {
            return new CredentialValidationResult(login.getCaller(), Set.of("user"));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }
}
