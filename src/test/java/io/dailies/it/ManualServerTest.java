package io.dailies.it;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the restart tests share: the server they start, kill and start again themselves (the manual
 * container of arquillian.xml, run by failsafe's restart-tests execution), the product deployed on it,
 * and a client. Each start names its JVM arguments, so a crash point one test armed never leaks into
 * the next start.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ManualServerTest {

    protected static final String CONTAINER = "wildfly-manual";
    protected static final String DEPLOYMENT = "dailies";

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static WebArchive war() {
        return Deployments.dailies();
    }

    @ArquillianResource
    protected ContainerController controller;

    @ArquillianResource
    protected Deployer deployer;

    protected final DailiesClient api = new DailiesClient(url("http://127.0.0.1:8080/"));

    @AfterEach
    protected void stopServer() {
        if (ServerProcess.find().isPresent()) {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
        }
    }

    /** Starts the server with the test server's usual arguments plus these. */
    protected void boot(String... extraVmArguments) {
        controller.start(CONTAINER, Map.of("javaVmArguments", ServerProcess.vmArguments(extraVmArguments)));
    }

    /** Starts the server and deploys the product on it. */
    protected void bootAndDeploy(String... extraVmArguments) {
        boot(extraVmArguments);
        deployer.deploy(DEPLOYMENT);
    }

    /** After the server died (killed, or halted at a crash point): a plain start, and the application back. */
    protected void restartAfterDeath(String... extraVmArguments) {
        try {
            controller.stop(CONTAINER);
        } catch (RuntimeException alreadyDead) {
            // the managed container notices its process is gone
        }
        boot(extraVmArguments);
        ServerProcess.awaitApplication(api);
    }

    private static URL url(String s) {
        try {
            return new URL(s);
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
