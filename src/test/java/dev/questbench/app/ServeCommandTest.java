package dev.questbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.questbench.domain.PermissionMode;
import dev.questbench.server.ServerOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
    @Test
    void defaultsToLoopbackOnPort6666WithTheStoredToken() {
        ServeCommand.Options options = ServeCommand.parse(List.of());
        assertEquals("127.0.0.1", options.server().host());
        assertEquals(6666, options.server().port());
        assertNull(options.server().token());
        assertTrue(options.server().loopback());
        assertEquals(ServerOptions.DEFAULT_HEARTBEAT, options.server().heartbeat());
    }

    @Test
    void readsServerAndAgentOptions() {
        ServeCommand.Options options = ServeCommand.parse(List.of("--host", "0.0.0.0", "--port=7000", "--token",
                "pt-ci", "--base-url", "http://localhost:8000/v1", "--model", "qwen", "--permission-mode",
                "acceptEdits"));
        assertEquals("0.0.0.0", options.server().host());
        assertFalse(options.server().loopback(), "a non-loopback host gets the warning");
        assertEquals(7000, options.server().port());
        assertEquals("pt-ci", options.server().token());
        assertEquals(PermissionMode.ACCEPT_EDITS, options.server().permissionMode());
        assertEquals("qwen", options.server().model());
        assertEquals("http://localhost:8000/v1", options.overrides().baseUrl());
    }

    @Test
    void mistakesAreExplained() {
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> ServeCommand.parse(List.of("--port",
                "70000"))).getMessage().contains("0 to 65535"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> ServeCommand.parse(List.of("--base-url",
                "http://x"))).getMessage().contains("--model"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> ServeCommand.parse(List.of("prompt")))
                .getMessage().contains("Unknown word"));
        assertTrue(assertThrows(CommandLine.UsageException.class, () -> ServeCommand.parse(List.of("--token")))
                .getMessage().contains("needs a value"));
    }
}
