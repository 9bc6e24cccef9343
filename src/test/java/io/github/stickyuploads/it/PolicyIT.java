package io.github.stickyuploads.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.stickyuploads.it.policy.alternative.StaffOnlyAlternative;
import io.github.stickyuploads.it.policy.specialized.StaffOnlyPolicy;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may upload, changed the two CDI ways: @Specializes and @Alternative @Priority. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicyIT {

    @Deployment(name = "specialized", testable = false)
    static WebArchive specialized() {
        return Deployments.war("policy-specialized", Map.of("stickyuploads.temp.path",
                StorageFolder.fresh("policy-specialized").root().toString()), StaffOnlyPolicy.class);
    }

    @Deployment(name = "alternative", testable = false)
    static WebArchive alternative() {
        return Deployments.war("policy-alternative", Map.of("stickyuploads.temp.path",
                StorageFolder.fresh("policy-alternative").root().toString()), StaffOnlyAlternative.class);
    }

    @Test
    void aSpecializedPolicyRefusesNonStaffAndAdmitsStaff(@ArquillianResource @OperateOnDeployment("specialized") URL deployment) {
        assertStaffOnly(deployment);
    }

    @Test
    void anAlternativePolicyRefusesNonStaffAndAdmitsStaff(@ArquillianResource @OperateOnDeployment("alternative") URL deployment) {
        assertStaffOnly(deployment);
    }

    private static void assertStaffOnly(URL deployment) {
        UploadClient.Answer alice = UploadClient.to(deployment).as("alice").file("upload", "cv.pdf", Samples.pdf(800))
                .post("sticky-uploads/default");
        assertEquals(403, alice.status(), alice::toString);
        assertEquals("You are not allowed to upload files.", alice.error("__all__"));

        UploadClient.Answer bob = UploadClient.to(deployment).as("bob").file("upload", "cv.pdf", Samples.pdf(800))
                .post("sticky-uploads/default");
        assertEquals(200, bob.status(), bob::toString);

        assertEquals(401, UploadClient.to(deployment).file("upload", "cv.pdf", Samples.pdf(800))
                .post("sticky-uploads/default").status(), "anonymous is still 401");
    }
}
