package io.github.stickyuploads.it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.FormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** A login form (j_security_check), for the tests that use pages like a person. */
@FormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(loginPage = "/login.html",
        errorPage = "/login.html?failed", useForwardToLogin = false))
@ApplicationScoped
public class FormLogin {
}
