package io.dailies.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Integration tests deploy the WAR the build made, unchanged: what they test is what ships. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive dailies() {
        File war = new File(System.getProperty("dailies.war", "target/dailies.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }

    public static File sample(String name) {
        return new File(System.getProperty("dailies.samples", "spreadsheets"), name);
    }
}
