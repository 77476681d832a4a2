package dev.questbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.stream.Stream;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The package tree is the architecture (DESIGN.md §3): lower layers never import JavaFX, ui, or a layer above. */
class LayerRulesTest {
    private static final String ROOT = "dev.questbench";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void layersBelowUiDoNotTouchJavaFx() {
        noJavaFxBelowUi(ROOT).check(classes);
    }

    @Test
    void layersBelowUiDoNotImportUi() {
        noUiBelowUi(ROOT).check(classes);
    }

    @Test
    void dependenciesPointDown() {
        layers(ROOT).check(classes);
    }

    @Test
    void theRulesCatchViolations() {
        // Test-only classes under arch.sample break each rule on purpose; the rules must see it.
        String sample = "dev.questbench.arch.sample";
        JavaClasses bad = new ClassFileImporter().importPackages(sample);
        assertThrows(AssertionError.class, () -> noJavaFxBelowUi(sample).check(bad));
        assertThrows(AssertionError.class, () -> noUiBelowUi(sample).check(bad));
        assertThrows(AssertionError.class, () -> layers(sample).check(bad));
    }

    private static String[] belowUi(String root) {
        return Stream.of("domain", "store", "engine", "agent", "llm", "workspace", "review", "preview", "server")
                .map(layer -> root + "." + layer + "..").toArray(String[]::new);
    }

    static ArchRule noJavaFxBelowUi(String root) {
        return noClasses().that().resideInAnyPackage(belowUi(root))
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "atlantafx..",
                        "org.fxmisc..", "org.kordamp..")
                .allowEmptyShould(true)
                .because("only app and ui render; everything below runs headless (questbench run/serve)");
    }

    static ArchRule noUiBelowUi(String root) {
        return noClasses().that().resideInAnyPackage(belowUi(root))
                .should().dependOnClassesThat().resideInAnyPackage(root + ".ui..", root + ".app..")
                .allowEmptyShould(true);
    }

    static ArchRule layers(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("App").definedBy(root + ".app..")
                .layer("Ui").definedBy(root + ".ui..")
                .layer("Server").definedBy(root + ".server..")
                .layer("Engine").definedBy(root + ".engine..")
                .layer("Agent").definedBy(root + ".agent..")
                .layer("Review").definedBy(root + ".review..")
                .layer("Preview").definedBy(root + ".preview..")
                .layer("Llm").definedBy(root + ".llm..")
                .layer("Workspace").definedBy(root + ".workspace..")
                .layer("Store").definedBy(root + ".store..")
                .layer("Domain").definedBy(root + ".domain..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Server").mayOnlyBeAccessedByLayers("App", "Ui")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("App", "Ui", "Server")
                .whereLayer("Agent").mayOnlyBeAccessedByLayers("App", "Ui", "Server", "Engine")
                .whereLayer("Review").mayOnlyBeAccessedByLayers("App", "Ui", "Server", "Engine")
                .whereLayer("Preview").mayOnlyBeAccessedByLayers("App", "Ui", "Server", "Engine")
                .whereLayer("Llm").mayOnlyBeAccessedByLayers("App", "Ui", "Server", "Engine", "Agent", "Review")
                .whereLayer("Workspace").mayOnlyBeAccessedByLayers("App", "Ui", "Server", "Engine", "Agent",
                        "Review", "Preview")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Ui", "Server", "Engine", "Agent", "Review",
                        "Preview", "Workspace")
                .whereLayer("Domain").mayOnlyBeAccessedByLayers("App", "Ui", "Server", "Engine", "Agent",
                        "Review", "Preview", "Llm", "Workspace", "Store");
    }
}
