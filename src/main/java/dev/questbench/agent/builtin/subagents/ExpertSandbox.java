package dev.questbench.agent.builtin.subagents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.questbench.agent.builtin.tools.BashTool;
import dev.questbench.agent.builtin.tools.Sandbox;
import dev.questbench.agent.builtin.tools.ToolContext;
import dev.questbench.agent.builtin.tools.ToolException;
import dev.questbench.agent.builtin.tools.ToolOutput;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Experts mode: an expert's command that would need approval runs inside the bubblewrap sandbox first (the file
 * system read-only outside the workspace); the user is asked only when the sandbox is not available or seems to
 * have blocked the command, to run it without the sandbox. A command that fails for its own reasons (a failing
 * test) is not escalated: its output goes back to the expert.
 */
public final class ExpertSandbox {
    /** Output lines that say the sandbox, not the command, stopped it. */
    private static final Pattern DENIED = Pattern.compile("(?im)^.*(read-only file system|permission denied"
            + "|operation not permitted|bwrap:|network is unreachable|could not resolve host"
            + "|temporary failure in name resolution).*$");

    private final Path program;
    private final String unavailable;

    private ExpertSandbox(Path program, String unavailable) {
        this.program = program;
        this.unavailable = unavailable;
    }

    /** The sandbox of Settings → Agent's bubblewrap program, or of {@code bwrap} on the PATH when it is blank. */
    public static ExpertSandbox of(String configured) {
        if (configured == null || configured.isBlank()) {
            return Sandbox.bubblewrap().map(path -> new ExpertSandbox(path, null)).orElseGet(() ->
                    new ExpertSandbox(null, "bubblewrap (bwrap) is not installed; install it, e.g. apt install "
                            + "bubblewrap, to let experts run such commands sandboxed"));
        }
        try {
            Path path = Path.of(configured.strip());
            if (Files.isRegularFile(path) && Files.isExecutable(path)) {
                return new ExpertSandbox(path, null);
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        return new ExpertSandbox(null, "the sandbox program " + configured.strip() + " set in the settings "
                + "(Settings → Experts) does not exist or cannot run");
    }

    /** What came of trying a command in the sandbox: its output, and why to ask the user (null when done). */
    public record Attempt(ToolOutput output, String escalation) {
        public boolean escalates() {
            return escalation != null;
        }
    }

    /** Runs the {@code Bash} input in the sandbox and says whether the user must be asked to run it outside. */
    public Attempt run(JsonNode input, ToolContext context) {
        if (program == null) {
            return new Attempt(null, "It could not run in the sandbox: " + unavailable + ".");
        }
        ToolOutput output;
        try {
            output = BashTool.sandboxed(program).run(input, context);
        } catch (ToolException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Cannot start the shell")) {
                return new Attempt(null, "It could not run in the sandbox: " + e.getMessage());
            }
            return new Attempt(new ToolOutput(e.getMessage(), true, null, List.of()), null);
        }
        OptionalInt exit = BashTool.exitCode(output);
        Matcher denial = DENIED.matcher(output.text() == null ? "" : output.text());
        if (exit.isPresent() && exit.getAsInt() != 0 && denial.find()) {
            return new Attempt(output, "It failed in the sandbox (exit code " + exit.getAsInt() + ": "
                    + cut(denial.group().strip()) + ").");
        }
        return new Attempt(output, null);
    }

    private static String cut(String line) {
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }
}
