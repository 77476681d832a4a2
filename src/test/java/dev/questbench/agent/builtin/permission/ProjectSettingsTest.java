package dev.questbench.agent.builtin.permission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.agent.builtin.permission.PermissionRule.Behavior;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings files in a real folder tree: what becomes rules, hooks and warnings, and that nothing is written. */
class ProjectSettingsTest {
    @TempDir
    Path tmp;

    private Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsRulesAndHooksFromEveryFileInOrderWithoutChangingThem() throws IOException {
        Path home = tmp.resolve("home");
        Path ws = tmp.resolve("ws");
        Path user = write(home.resolve(".qoder/settings.json"), """
                {"permissions":{"allow":["Read(/notes/**)"]},"general":{"defaultPermissionMode":"plan"}}""");
        Path shared = write(ws.resolve(".qoder/settings.json"), """
                {"permissions":{"allow":["Bash(git log:*)"],"ask":["WebFetch"],"deny":["Read(*.pem)"],
                 "additionalDirectories":["../shared"]},
                 "hooks":{"PreToolUse":[{"matcher":"Bash","hooks":[{"type":"command","command":"true"}]}]},
                 "someFutureKey":{"x":1}}""");
        Path local = write(ws.resolve(".qoder/settings.local.json"), """
                {"permissions":{"allow":["Bash(npm test)"]}}""");
        Path claude = write(ws.resolve(".claude/settings.json"), """
                {"permissions":{"deny":["Bash(rm -rf:*)"]},"hooks":{"Stop":[]}}""");
        byte[] before = Files.readAllBytes(shared);

        ProjectSettings settings = ProjectSettings.load(ws, home);

        assertEquals(List.of(), settings.warnings());
        assertEquals(List.of("Read(/notes/**)", "Bash(git log:*)", "WebFetch", "Read(*.pem)", "Bash(npm test)",
                "Bash(rm -rf:*)"), settings.rules().stream().map(PermissionRule::text).toList());
        PermissionRule userRule = settings.rules().get(0);
        assertEquals("~/.qoder/settings.json", userRule.source());
        assertEquals(home.toAbsolutePath().normalize(), userRule.root());
        PermissionRule deny = settings.rules().get(5);
        assertEquals(Behavior.DENY, deny.behavior());
        assertEquals(".claude/settings.json", deny.source());
        assertEquals(ws.toAbsolutePath().normalize(), deny.root());
        assertEquals(List.of(".qoder/settings.json", ".claude/settings.json"),
                settings.hooks().stream().map(ProjectSettings.SourcedHooks::source).toList());
        assertTrue(settings.hooks().get(0).hooks().has("PreToolUse"));
        assertArrayEquals(before, Files.readAllBytes(shared));
        assertTrue(Files.exists(user) && Files.exists(local) && Files.exists(claude));
        try (var files = Files.walk(tmp)) {
            assertEquals(4, files.filter(Files::isRegularFile).count(), "no file was created");
        }
    }

    @Test
    void malformedFilesAndRulesBecomeWarningsNotExceptions() throws IOException {
        Path ws = tmp.resolve("ws");
        write(ws.resolve(".qoder/settings.json"), "{\"permissions\": {\"allow\": [\"Bash(ls\"");
        write(ws.resolve(".qoder/settings.local.json"), """
                {"permissions":{"allow":["Bash(ls)", "Bash(", 42, "Edit()"],"deny":"Bash"},"hooks":[1]}""");
        write(ws.resolve(".claude/settings.json"), "[1,2]");
        write(ws.resolve(".claude/settings.local.json"), "");

        ProjectSettings settings = ProjectSettings.load(ws, tmp.resolve("no-home"));

        assertEquals(List.of("Bash(ls)"), settings.rules().stream().map(PermissionRule::text).toList());
        List<String> warnings = settings.warnings();
        assertEquals(7, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).startsWith(".qoder/settings.json is not valid JSON"), warnings.get(0));
        assertTrue(warnings.get(1).contains(".qoder/settings.local.json") && warnings.get(1).contains("Bash("));
        assertTrue(warnings.get(2).contains("42"));
        assertTrue(warnings.get(3).contains("empty parentheses"));
        assertTrue(warnings.get(4).contains("permissions.deny"));
        assertTrue(warnings.get(5).contains("\"hooks\" must be an object"));
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith(".claude/settings.json") && w.contains("object")));
        assertTrue(settings.hooks().isEmpty());
    }

    @Test
    void missingFilesAndNoWorkspaceAreFine() throws IOException {
        assertEquals(new ProjectSettings(List.of(), List.of(), List.of()),
                ProjectSettings.load(tmp.resolve("nothing"), tmp.resolve("nohome")));
        Path home = tmp.resolve("home");
        write(home.resolve(".claude/settings.json"), "{\"permissions\":{\"deny\":[\"WebSearch\"]}}");
        ProjectSettings userOnly = ProjectSettings.load(null, home);
        assertEquals(List.of("WebSearch"), userOnly.rules().stream().map(PermissionRule::text).toList());
        assertEquals("~/.claude/settings.json", userOnly.rules().get(0).source());
    }
}
