package dev.questbench.agent.builtin.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxTest {
    @TempDir
    Path temp;

    @Test
    void wrapBuildsTheBubblewrapCommandLine() throws Exception {
        Path workspace = Files.createDirectory(temp.resolve("ws"));
        Path home = Files.createDirectories(temp.resolve("home/.ssh")).getParent();
        List<String> line = Sandbox.wrap(List.of("bash", "-c", "make test"), workspace, home);
        String ws = workspace.toString();
        assertTrue(line.get(0).endsWith("bwrap"), line.get(0));
        assertEquals(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                "--bind", ws, ws, "--tmpfs", home.resolve(".ssh").toString(), "--unshare-pid", "--die-with-parent",
                "--chdir", ws, "--", "bash", "-c", "make test"), line.subList(1, line.size()));
        assertFalse(line.contains("--unshare-net"));
    }

    @Test
    void noNetworkUnsharesItAndAMissingSshFolderIsNotMounted() throws Exception {
        Path workspace = Files.createDirectory(temp.resolve("ws"));
        List<String> line = Sandbox.wrap(List.of("true"), workspace, temp.resolve("homeless"), false);
        assertTrue(line.contains("--unshare-net"));
        assertFalse(line.stream().anyMatch(arg -> arg.endsWith(".ssh")));
        assertEquals(List.of("--", "true"), line.subList(line.size() - 2, line.size()));
    }

    @Test
    void statusSaysWhetherBubblewrapIsThere() {
        String status = Sandbox.status();
        if (Sandbox.bubblewrap().isPresent()) {
            assertTrue(status.startsWith("bubblewrap found at "), status);
        } else {
            assertTrue(status.contains("apt install bubblewrap"), status);
        }
    }

    @Test
    void sandboxedCommandCanWriteTheWorkspaceOnly() throws Exception {
        assumeTrue(Sandbox.bubblewrap().isPresent(), "bwrap is not installed here");
        ToolFixture f = new ToolFixture(Files.createDirectory(temp.resolve("ws")));
        Path outside = Files.createDirectory(temp.resolve("outside"));
        ToolLimits d = ToolLimits.DEFAULT;
        ToolLimits sandboxed = new ToolLimits(d.readMaxBytes(), d.outputMaxChars(), d.bashDefaultTimeout(),
                d.bashMaxTimeout(), d.webFetchMaxBytes(), true, true);
        ToolOutput out = new BashTool().run(ToolFixture.input("command",
                "echo in > inside.txt && echo out > " + outside + "/escaped.txt; echo done"), f.context(sandboxed));
        assertTrue(Files.exists(f.workspace.resolve("inside.txt")), out.text());
        assertFalse(Files.exists(outside.resolve("escaped.txt")), out.text());
    }
}
