package io.dailies.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What ships: the product WAR the build made carries none of the emulator, and the emulator WAR none of the product. */
class ProductWarIT {

    @Test
    void theProductWarHoldsNoEmulatorClassAndNoEmulatorTable() throws Exception {
        File war = new File(System.getProperty("dailies.war", "target/dailies.war"));
        try (ZipFile zip = new ZipFile(war)) {
            List<String> names = zip.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("WEB-INF/classes/io/dailies/core/Take.class"), "the product's classes are there");
            assertTrue(names.stream().noneMatch(n -> n.contains("/emulator/") || n.toLowerCase().contains("emulator")),
                    () -> "emulator entries in the product WAR: " + names.stream().filter(n -> n.toLowerCase().contains("emulator")).toList());
            String persistence = new String(zip.getInputStream(zip.getEntry("WEB-INF/classes/META-INF/persistence.xml")).readAllBytes());
            assertFalse(persistence.contains("Emulated"), persistence);
        }
    }

    @Test
    void theEmulatorWarHoldsNoProductClass() throws Exception {
        File war = new File(System.getProperty("dailies.emulator.war", "emulator/target/emulator.war"));
        try (ZipFile zip = new ZipFile(war)) {
            List<String> classes = zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("WEB-INF/classes/io/dailies/") && n.endsWith(".class")).toList();
            assertFalse(classes.isEmpty());
            assertTrue(classes.stream().allMatch(n -> n.startsWith("WEB-INF/classes/io/dailies/emulator/")),
                    () -> "product classes in the emulator WAR: " + classes);
        }
    }
}
