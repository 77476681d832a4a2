package dev.questbench.agent.builtin.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code Bash}: runs a shell command in the workspace, streaming its output, within a timeout. */
public final class BashTool implements Tool {
    /** Keeps tools from waiting on a pager, a terminal or a credential prompt nobody can answer. */
    static final Map<String, String> ENVIRONMENT = Map.of("GIT_TERMINAL_PROMPT", "0", "PAGER", "cat",
            "GIT_PAGER", "cat", "TERM", "dumb");

    private static final ObjectNode SCHEMA = InputSchema.object()
            .required("command", "string", "The shell command to run.")
            .optional("timeout", "integer", "Timeout in milliseconds (default 120000; at most 600000).")
            .optional("description", "string", "What the command does, in 5-10 words, for the user.")
            .build();
    private static final Pattern EXIT_CODE = Pattern.compile(
            "\nExit code: (-?\\d+)(\n\\(.*\\))?$");

    private final Path sandboxProgram;

    public BashTool() {
        this(null);
    }

    private BashTool(Path sandboxProgram) {
        this.sandboxProgram = sandboxProgram;
    }

    /** A Bash that always runs its commands inside bubblewrap, started as {@code program}. */
    public static BashTool sandboxed(Path program) {
        return new BashTool(Objects.requireNonNull(program, "program"));
    }

    /** The exit code a finished command's output ends with, or empty when it timed out or was stopped. */
    public static OptionalInt exitCode(ToolOutput output) {
        Matcher matcher = EXIT_CODE.matcher(output.text() == null ? "" : output.text());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1)))
                : OptionalInt.empty();
    }

    @Override
    public String name() {
        return "Bash";
    }

    @Override
    public String description() {
        return """
                Runs a command with bash (sh when bash is missing) in the workspace folder and returns its combined \
                stdout and stderr followed by its exit code. There is no input: interactive commands fail, so pass \
                flags such as -y or --no-edit, and never start editors or pagers. Each call starts a fresh shell; \
                use && to chain steps and absolute or workspace paths rather than cd. The default timeout is 2 \
                minutes (timeout in ms, at most 10 minutes); a command that runs longer is stopped with everything \
                it started. Long output is cut in the middle. Use Read, Grep, Glob, Edit and Write for files \
                instead of cat, grep, find, sed or echo redirection.""";
    }

    @Override
    public ObjectNode inputSchema() {
        return SCHEMA.deepCopy();
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public ToolOutput run(JsonNode input, ToolContext context) throws ToolException {
        ToolInput in = new ToolInput(input);
        String command = in.requiredString("command");
        if (command.isBlank()) {
            throw new ToolException("Parameter 'command' is empty; give the shell command to run.");
        }
        ToolLimits limits = context.limits();
        Duration timeout = in.integerAtLeast("timeout", 1).map(Duration::ofMillis).orElse(limits.bashDefaultTimeout());
        if (timeout.compareTo(limits.bashMaxTimeout()) > 0) {
            timeout = limits.bashMaxTimeout();
        }
        Path workspace = WorkspacePaths.resolve(context.workspace(), ".");
        List<String> line = shell(command);
        String note = "";
        if (sandboxProgram != null) {
            line = Sandbox.wrap(sandboxProgram, line, workspace, Path.of(System.getProperty("user.home")),
                    limits.networkAllowed());
        } else if (limits.sandbox()) {
            if (Sandbox.bubblewrap().isPresent()) {
                line = Sandbox.wrap(line, workspace, Path.of(System.getProperty("user.home")), limits.networkAllowed());
            } else {
                note = "\n(The sandbox is on in Settings, but bubblewrap is not installed, so this ran unsandboxed.)";
            }
        }
        CommandRun.Result result;
        try {
            result = CommandRun.run(line, workspace, ENVIRONMENT, timeout, context.cancel(), context.progress());
        } catch (IOException e) {
            throw new ToolException("Cannot start the shell (" + line.get(0) + "): " + e.getMessage() + ".", e);
        }
        String full = new String(result.output(), StandardCharsets.UTF_8);
        CappedText.Result shown = CappedText.headAndTail(full, result.output(), result.totalBytes(),
                limits.outputMaxChars(), context.blobs());
        String output = shown.text().isEmpty() ? "(no output)" : shown.text().stripTrailing();
        String background = result.backgroundRunning() ? "\n(Processes the command started in the background are "
                + "still running; their later output is not shown.)" : "";
        return switch (result.ending()) {
            case EXITED -> new ToolOutput(output + background + "\nExit code: " + result.exitCode() + note, false,
                    shown.blobRef(), List.of());
            case TIMED_OUT -> new ToolOutput(output + "\nCommand timed out after " + seconds(timeout)
                    + " s and was stopped." + note, true, shown.blobRef(), List.of());
            case CANCELLED -> new ToolOutput(output + "\nStopped by the user.", true, shown.blobRef(), List.of());
        };
    }

    /** The shell invocation for a command: bash if installed, else /bin/sh. */
    static List<String> shell(String command) {
        String shell = SearchPath.find("bash").map(Path::toString).orElse("/bin/sh");
        return List.of(shell, "-c", command);
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? String.valueOf(millis / 1000)
                : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
