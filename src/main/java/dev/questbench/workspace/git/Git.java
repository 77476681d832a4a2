package dev.questbench.workspace.git;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code git} executable. Every call runs with a timeout, without prompts ({@code GIT_TERMINAL_PROMPT=0},
 * no pager, no editor, C locale for parseable messages) and stdin closed unless input is given; failures become
 * {@link GitException}s whose messages come from git's stderr.
 */
public final class Git {
    /** The oldest git the workspace features are written for. */
    public static final int[] MINIMUM = {2, 25};
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern VERSION = Pattern.compile("git version (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private final Path executable;
    private final String version;

    private Git(Path executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /**
     * Finds git on the {@code PATH} (or at {@code QUESTBENCH_GIT}) and checks its version. The exception's message
     * says how to install or upgrade it.
     */
    public static Git locate(Map<String, String> env) {
        Path found = find(env).orElseThrow(() -> new GitException("Git is not installed (no 'git' on the PATH). "
                + "Install it (Linux: your package manager, e.g. apt install git; macOS: xcode-select --install; "
                + "Windows: https://git-scm.com), then restart Questbench. Quests still run in plain folders.",
                -1, ""));
        return at(found);
    }

    /** Uses the git at this path, checking its version. */
    public static Git at(Path executable) {
        GitResult result;
        try {
            result = exec(executable, null, List.of("--version"), Map.of(), null, Duration.ofSeconds(10));
        } catch (GitException e) {
            throw new GitException("The git at " + executable + " does not run (" + e.getMessage() + "). "
                    + "Reinstall git, then restart Questbench.", -1, "");
        }
        Matcher matcher = VERSION.matcher(result.text());
        if (!result.ok() || !matcher.find()) {
            throw new GitException("The git at " + executable + " did not report a version. Reinstall git.", -1,
                    result.stderr());
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        String version = matcher.group(0).substring("git version ".length());
        if (major < MINIMUM[0] || (major == MINIMUM[0] && minor < MINIMUM[1])) {
            throw new GitException("Git " + version + " is too old: Questbench needs git " + MINIMUM[0] + "."
                    + MINIMUM[1] + " or newer. Upgrade git, then restart Questbench.", -1, "");
        }
        return new Git(executable, version);
    }

    static Optional<Path> find(Map<String, String> env) {
        String override = env.get("QUESTBENCH_GIT");
        if (override != null && !override.isBlank()) {
            Path path = Path.of(override);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : windows ? List.of("git.exe", "git.cmd") : List.of("git")) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public Path executable() {
        return executable;
    }

    /** e.g. {@code 2.39.5}. */
    public String version() {
        return version;
    }

    /** Runs git in {@code dir} and returns what it printed, whatever its exit status. */
    public GitResult run(Path dir, List<String> args, Map<String, String> env, byte[] stdin, Duration timeout) {
        return exec(executable, dir, args, env, stdin, timeout);
    }

    public GitResult run(Path dir, String... args) {
        return run(dir, List.of(args), Map.of(), null, DEFAULT_TIMEOUT);
    }

    /** Runs git and returns stdout as text; a non-zero exit throws with git's message. */
    public String output(Path dir, String... args) {
        return check(dir, List.of(args), run(dir, List.of(args), Map.of(), null, DEFAULT_TIMEOUT)).text();
    }

    /** Like {@link #output(Path, String...)} with extra environment (e.g. {@code GIT_INDEX_FILE}) and stdin. */
    public GitResult checked(Path dir, List<String> args, Map<String, String> env, byte[] stdin) {
        return check(dir, args, run(dir, args, env, stdin, DEFAULT_TIMEOUT));
    }

    /** Throws the readable error for a failed result, or returns it. */
    public static GitResult check(Path dir, List<String> args, GitResult result) {
        if (result.ok()) {
            return result;
        }
        String what = args.isEmpty() ? "git" : "git " + args.get(0);
        String detail = result.stderr().strip();
        if (detail.isEmpty()) {
            detail = result.text().strip();
        }
        detail = detail.replaceAll("(?m)^(fatal|error): ", "").strip();
        throw new GitException(what + " failed in " + dir + ": " + (detail.isEmpty() ? "exit status "
                + result.exitCode() : detail), result.exitCode(), result.stderr());
    }

    private static GitResult exec(Path executable, Path dir, List<String> args, Map<String, String> env, byte[] stdin,
                                  Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("-c");
        command.add("core.quotepath=off");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Map<String, String> environment = builder.environment();
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("GIT_PAGER", "cat");
        environment.put("PAGER", "cat");
        environment.put("GIT_EDITOR", "true");
        environment.put("GIT_ASKPASS", "echo");
        environment.put("LC_ALL", "C");
        environment.put("LANGUAGE", "C");
        environment.put("GCM_INTERACTIVE", "never");
        environment.putAll(new HashMap<>(Objects.requireNonNullElse(env, Map.of())));
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File(isWindows() ? "NUL" : "/dev/null")));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new GitException("Could not start git (" + executable + "): " + e.getMessage()
                    + ". Check that git is installed.", e);
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        if (stdin != null) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // git may exit before reading everything (e.g. on a bad patch); its stderr says why
            }
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new GitException("git " + (args.isEmpty() ? "" : args.get(0)) + " did not finish within "
                        + timeout.toSeconds() + " s in " + dir + " and was stopped. Check the repository (a lock "
                        + "file, a network remote), then try again.", -1, "");
            }
            return new GitResult(process.exitValue(), out.join(),
                    new String(err.join(), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GitException("git was interrupted", e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = stream; ByteArrayOutputStream buffer = new ByteArrayOutputStream()) {
                in.transferTo(buffer);
                return buffer.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        }, command -> {
            Thread thread = new Thread(command, "git-output");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
