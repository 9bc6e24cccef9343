package io.github.stickyuploads.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** HTTP Basic, for the tests that talk to the endpoint like a script. */
@BasicAuthenticationMechanismDefinition(realmName = "sticky-uploads-tests")
@ApplicationScoped
public class BasicLogin {
}
