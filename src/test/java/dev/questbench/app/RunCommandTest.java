package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.PermissionMode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    private RunCommand.Options parse(String... args) {
        return RunCommand.parse(List.of(args), new ByteArrayInputStream("from stdin\n".getBytes(
                StandardCharsets.UTF_8)), dir);
    }

    @Test
    void readsEveryOption() {
        RunCommand.Options options = parse("--workspace", dir.toString(), "--base-url", "http://localhost:8000/v1",
                "--model", "qwen", "--permission-mode", "acceptEdits", "--output=stream-json", "fix", "the", "build");
        assertEquals(dir.toAbsolutePath(), options.workspace());
        assertEquals("http://localhost:8000/v1", options.baseUrl());
        assertEquals("qwen", options.model());
        assertEquals(PermissionMode.ACCEPT_EDITS, options.permissionMode());
        assertTrue(options.json());
        assertEquals("fix the build", options.prompt());
    }

    @Test
    void aDashReadsThePromptFromStdin() {
        assertEquals("from stdin", parse("-").prompt());
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--permission-mode", "yolo", "x"))
                .getMessage().contains("acceptEdits"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--output", "xml", "x"))
                .getMessage().contains("stream-json"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--base-url", "http://x", "x"))
                .getMessage().contains("--model"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--provider", "a", "--base-url",
                "http://x", "--model", "m", "x")).getMessage().contains("not both"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--workspace",
                dir.resolve("missing").toString(), "x")).getMessage().contains("not a folder"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--frobnicate", "x"))
                .getMessage().contains("Unknown option"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> parse("--model"))
                .getMessage().contains("needs a value"));
    }
}
