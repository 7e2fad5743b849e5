package io.dailies;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's components depend one way (docs/architecture.md draws the graph). Each rule here is
 * one line of that drawing: break it and the build fails, naming the class and the dependency.
 */
class ArchitectureTest {

    /**
     * Who may use whom, bottom up. A component may use the ones listed for it and nothing else of
     * io.dailies; core and platform use none.
     */
    static final Map<String, List<String>> MAY_USE = Map.ofEntries(
            Map.entry("core", List.of()),
            Map.entry("platform", List.of()),
            Map.entry("access", List.of("platform")),
            Map.entry("provider", List.of("platform")),
            Map.entry("prompt", List.of("core", "platform", "provider")),
            Map.entry("production", List.of("core", "platform", "provider", "prompt")),
            Map.entry("scoring", List.of("core", "platform", "provider", "prompt", "production")),
            Map.entry("review", List.of("core", "platform", "scoring")),
            Map.entry("shotlist", List.of("core", "platform", "provider", "prompt", "review")),
            Map.entry("report", List.of("core", "platform", "provider", "production", "scoring", "review", "shotlist")),
            Map.entry("console", List.of("core", "platform", "production", "shotlist")),
            Map.entry("schedule", List.of("core", "platform", "production", "report")));

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/emulator/"))
                .importPackages("io.dailies");
    }

    @Test
    void componentsFormNoCycle() {
        slices().matching("io.dailies.(*)..").should().beFreeOfCycles().check(product);
    }

    @Test
    void eachComponentUsesOnlyTheComponentsBelowIt() {
        for (var entry : MAY_USE.entrySet()) {
            String[] others = MAY_USE.keySet().stream()
                    .filter(c -> !c.equals(entry.getKey()) && !entry.getValue().contains(c))
                    .map(c -> "io.dailies." + c + "..").toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAPackage("io.dailies." + entry.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because(entry.getKey() + " may use only " + entry.getValue());
            rule.check(product);
        }
    }

    @Test
    void everyProductClassBelongsToAComponent() {
        noClasses().should().resideInAPackage("io.dailies")
                .because("a class directly in io.dailies belongs to no component").check(product);
        for (var c : product) {
            String pkg = c.getPackageName();
            if (pkg.startsWith("io.dailies.")) {
                String component = pkg.substring("io.dailies.".length()).split("\\.")[0];
                if (!MAY_USE.containsKey(component)) {
                    throw new AssertionError(c.getName() + " is in " + component
                            + ", which is not a component of the graph in ArchitectureTest.MAY_USE");
                }
            }
        }
    }

    @Test
    void noRawThreads() {
        noClasses().that().resideInAPackage("io.dailies..")
                .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates
                        .target(com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(Thread.class))))
                .because("the container owns the threads: use its managed executors and thread factories").check(product);
    }

    @Test
    void theProductNeverUsesTheEmulator() {
        noClasses().that().resideOutsideOfPackage("io.dailies.emulator..")
                .should().dependOnClassesThat().resideInAPackage("io.dailies.emulator..")
                .because("the emulator is a test double beside the product, never inside it").check(product);
    }
}
