package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code jlink.config} names every module the app needs: jdeps runs over the compiled classes and the runtime
 * dependencies (about 4 s), and each module it reports must be listed or required by a listed module.
 */
class JlinkConfigTest {
    private static final Path CONFIG = Path.of("jlink.config");
    private static final Set<String> OPTIONS_JDK17_ACCEPTS = Set.of("--strip-debug", "--no-header-files",
            "--no-man-pages", "--compress=2");

    @Test
    void listsEveryModuleJdepsSaysIsNeeded() throws Exception {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElse(null);
        assumeTrue(jdeps != null, "jdeps is not in this Java runtime (a JRE?)");
        Map<String, String> config = readConfig();
        Set<String> provided = closure(split(config.get("modules")));
        provided.addAll(split(config.get("javafx-modules")));

        Set<String> missing = new TreeSet<>(neededModules(jdeps));
        missing.removeAll(provided);
        assertTrue(missing.isEmpty(), "jlink.config lacks " + missing + " (jdeps says the app needs them): add them "
                + "to 'modules' (JDK) or 'javafx-modules'");
    }

    @Test
    void javaFxModulesAreTheOnesTheAppShipsAndOptionsAreWhatJdk17Accepts() throws IOException {
        Map<String, String> config = readConfig();
        assertEquals(Set.of("javafx.base", "javafx.graphics", "javafx.controls", "javafx.fxml", "javafx.web"),
                Set.copyOf(split(config.get("javafx-modules"))));
        Set<String> systemModules = ModuleFinder.ofSystem().findAll().stream()
                .map(reference -> reference.descriptor().name()).collect(Collectors.toSet());
        for (String module : split(config.get("modules"))) {
            assertTrue(systemModules.contains(module), module + " is not a module of this JDK");
        }
        assertEquals(OPTIONS_JDK17_ACCEPTS, Set.of(config.get("options").trim().split("\\s+")));
    }

    private static Map<String, String> readConfig() throws IOException {
        assertTrue(Files.isRegularFile(CONFIG), "no jlink.config in " + Path.of("").toAbsolutePath());
        Map<String, String> config = new HashMap<>();
        for (String line : Files.readAllLines(CONFIG)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            assertTrue(equals > 0, "jlink.config: not key=value: " + line);
            config.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        for (String key : List.of("modules", "javafx-modules", "options")) {
            assertTrue(config.containsKey(key), "jlink.config lacks " + key + "=");
        }
        return config;
    }

    private static List<String> split(String modules) {
        return Arrays.stream(modules.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    /** The listed JDK modules plus every module they require, as jlink resolves them. */
    private static Set<String> closure(List<String> roots) {
        ModuleFinder system = ModuleFinder.ofSystem();
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!seen.add(name)) {
                continue;
            }
            system.find(name).map(ModuleReference::descriptor).ifPresent(descriptor -> descriptor.requires().stream()
                    .filter(requires -> !requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                    .forEach(requires -> todo.push(requires.name())));
        }
        return seen;
    }

    /** What jdeps --list-deps reports for the compiled classes and the runtime jars. */
    private static Set<String> neededModules(ToolProvider jdeps) throws IOException, URISyntaxException {
        Path buildDir = Path.of(JlinkConfigTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        Path classes = buildDir.resolve("classes");
        Path classpathFile = buildDir.resolve("runtime-classpath.txt");
        assertTrue(Files.isRegularFile(classpathFile), classpathFile + " is missing: the maven-dependency-plugin "
                + "execution 'runtime-classpath' writes it before the tests");
        List<String> jars = Arrays.stream(Files.readString(classpathFile).strip().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).toList();
        // The JavaFX jars without an OS classifier are empty placeholders; the classified ones are the modules.
        List<String> javaFx = jars.stream().filter(JlinkConfigTest::isJavaFx)
                .filter(jar -> Path.of(jar).getFileName().toString().matches("javafx-\\w+-[\\d.]+-\\w+\\.jar"))
                .toList();
        List<String> others = jars.stream().filter(jar -> !isJavaFx(jar)).toList();

        List<String> args = new ArrayList<>(List.of("--multi-release", "17", "--ignore-missing-deps", "--list-deps"));
        // okhttp 5 declares a module that requires okio and kotlin.stdlib: jdeps resolves it only when those jars
        // are on the module path too, so every runtime jar goes there as well as on the class path.
        List<String> modulePath = new ArrayList<>(javaFx);
        modulePath.addAll(others);
        if (!modulePath.isEmpty()) {
            args.addAll(List.of("--module-path", String.join(File.pathSeparator, modulePath)));
        }
        if (!others.isEmpty()) {
            args.addAll(List.of("--class-path", String.join(File.pathSeparator, others)));
        }
        args.add(classes.toString());
        args.addAll(others);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, status, "jdeps failed: " + err + out);
        // Lines look like "   java.sql" or "   java.base/sun.nio.ch" (an internal package of that module).
        Set<String> modules = out.toString().lines().map(String::strip)
                .filter(line -> line.matches("[\\w.]+(/.*)?"))
                .map(line -> line.split("/")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(modules.contains("java.base"), "unexpected jdeps output: " + out);
        return modules;
    }

    private static boolean isJavaFx(String jar) {
        return Path.of(jar).getFileName().toString().startsWith("javafx-");
    }
}
