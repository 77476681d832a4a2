package dev.questbench.agent.builtin.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs Bash commands inside bubblewrap on Linux: the whole file system read-only except the workspace, a private
 * {@code /tmp}, {@code ~/.ssh} hidden, its own process namespace, and (when network access is off) no network.
 * Known limit: other secrets in the home folder stay readable; the sandbox guards against accidents, not attacks.
 */
public final class Sandbox {
    private Sandbox() {
    }

    /** The {@code bwrap} program on the PATH, if installed. */
    public static Optional<Path> bubblewrap() {
        return SearchPath.find("bwrap");
    }

    /** The bubblewrap command line that runs {@code command} confined to {@code workspace}, network allowed. */
    public static List<String> wrap(List<String> command, Path workspace, Path home) {
        return wrap(command, workspace, home, true);
    }

    /** As {@link #wrap(List, Path, Path)}, and without any network when {@code network} is false. */
    public static List<String> wrap(List<String> command, Path workspace, Path home, boolean network) {
        return wrap(bubblewrap().orElse(Path.of("bwrap")), command, workspace, home, network);
    }

    /** As {@link #wrap(List, Path, Path, boolean)} with a given bubblewrap program (Settings may name one). */
    public static List<String> wrap(Path program, List<String> command, Path workspace, Path home, boolean network) {
        String folder = workspace.toAbsolutePath().toString();
        List<String> line = new ArrayList<>(List.of(program.toString(),
                "--ro-bind", "/", "/",
                "--dev", "/dev",
                "--proc", "/proc",
                "--tmpfs", "/tmp",
                "--bind", folder, folder));
        if (home != null && Files.isDirectory(home.resolve(".ssh"))) {
            // bwrap can only mount over a folder that exists: the read-only root cannot gain a new one
            line.addAll(List.of("--tmpfs", home.resolve(".ssh").toAbsolutePath().toString()));
        }
        if (!network) {
            line.add("--unshare-net");
        }
        line.addAll(List.of("--unshare-pid", "--die-with-parent", "--chdir", folder, "--"));
        line.addAll(command);
        return line;
    }

    /** A sentence for Settings saying whether commands can run sandboxed, and how to enable it if not. */
    public static String status() {
        return bubblewrap()
                .map(path -> "bubblewrap found at " + path + ": commands can run sandboxed")
                .orElse("bubblewrap (bwrap) is not installed, so commands run unsandboxed; install it with your "
                        + "package manager (e.g. apt install bubblewrap) to enable the sandbox");
    }
}
