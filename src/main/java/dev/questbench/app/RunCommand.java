package dev.questbench.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.acp.AcpBackend;
import dev.questbench.agent.acp.AcpPreset;
import dev.questbench.agent.acp.AgentPresets;
import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.agent.cloud.CloudBackend;
import dev.questbench.agent.webhook.WebhookBackend;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.Workspace;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.store.DataDirectory;
import dev.questbench.store.Store;
import dev.questbench.store.StoreException;
import dev.questbench.store.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code questbench run}: one quest without a window, for scripts and CI. Runs through the same executor and
 * store as the desktop app, prints the reply (or one JSON event per line) and exits 0 on end of turn, 2 when an
 * approval or answer is needed, 1 on error.
 */
final class RunCommand {
    static final int EXIT_OK = 0;
    static final int EXIT_ERROR = 1;
    static final int EXIT_WAITING = 2;

    /**
     * The parsed {@code run} options.
     *
     * @param agent      an ACP preset name from Settings → Agents ({@code --agent}), or null for the built-in agent
     * @param acpCommand an ad-hoc ACP agent's command line ({@code --acp}), or null
     */
    record Options(Path workspace, String provider, String baseUrl, String model, PermissionMode permissionMode,
                   boolean json, String prompt, String agent, String acpCommand) {
        Options(Path workspace, String provider, String baseUrl, String model, PermissionMode permissionMode,
                boolean json, String prompt) {
            this(workspace, provider, baseUrl, model, permissionMode, json, prompt, null, null);
        }
    }

    private RunCommand() {
    }

    static String usage() {
        return """
                Usage: questbench run [--workspace DIR] [--provider NAME | --base-url URL --model M]
                                      [--agent PRESET|cloud|webhook:NAME | --acp 'COMMAND ARGS...']
                                      [--permission-mode default|acceptEdits|plan|bypassPermissions]
                                      [--output text|stream-json] "prompt"   (or - to read the prompt from stdin)
                """;
    }

    /** Parses the words after {@code run}; throws {@link CommandLine.UsageException} with what to correct. */
    static Options parse(List<String> args, InputStream stdin, Path cwd) {
        Path workspace = cwd;
        AgentFlags flags = new AgentFlags();
        boolean json = false;
        String agent = null;
        String acp = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            OptionWord split = OptionWord.of(arg);
            String name = split.name();
            String value = split.value();
            switch (name) {
                case "--workspace" -> workspace = Path.of(value != null ? value : next(args, ++i, name));
                case "--agent" -> agent = value != null ? value : next(args, ++i, name);
                case "--acp" -> acp = value != null ? value : next(args, ++i, name);
                case "--output" -> {
                    String word = (value != null ? value : next(args, ++i, name)).toLowerCase(Locale.ROOT);
                    if (!word.equals("text") && !word.equals("stream-json")) {
                        throw new CommandLine.UsageException("--output must be text or stream-json, not '" + word
                                + "'.");
                    }
                    json = word.equals("stream-json");
                }
                default -> {
                    if (AgentFlags.takes(name)) {
                        flags.accept(name, value != null ? value : next(args, ++i, name));
                        continue;
                    }
                    if (arg.startsWith("--") && !arg.equals("-")) {
                        throw new CommandLine.UsageException("Unknown option '" + arg + "' for run.\n" + usage());
                    }
                    words.add(arg);
                }
            }
        }
        flags.check();
        if (agent != null && acp != null) {
            throw new CommandLine.UsageException("Give --agent or --acp, not both.");
        }
        if ((agent != null || acp != null) && (flags.provider != null || flags.baseUrl != null)) {
            throw new CommandLine.UsageException("--provider and --base-url choose the built-in agent's model; "
                    + "an external agent (--agent, --acp) brings its own.");
        }
        if (acp != null && acp.isBlank()) {
            throw new CommandLine.UsageException("--acp needs the agent's command, e.g. --acp 'gemini "
                    + "--experimental-acp'.");
        }
        String prompt = String.join(" ", words).strip();
        if (prompt.equals("-")) {
            try {
                prompt = new String(stdin.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new CommandLine.UsageException("Could not read the prompt from stdin: " + e.getMessage());
            }
        }
        if (prompt.isEmpty()) {
            throw new CommandLine.UsageException("run needs a prompt, e.g. questbench run \"fix the failing test\".\n"
                    + usage());
        }
        Path folder = workspace.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.UsageException("The workspace " + folder + " is not a folder.");
        }
        return new Options(folder, flags.provider, flags.baseUrl, flags.model, flags.mode, json, prompt, agent, acp);
    }

    static String next(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new CommandLine.UsageException(option + " needs a value.");
        }
        return args.get(index);
    }

    /** Runs the quest to its first yield and returns the exit status. */
    static int run(CommandLine commandLine, InputStream stdin, PrintStream out, PrintStream err,
                   Map<String, String> env) {
        Options options;
        try {
            options = parse(commandLine.modeArgs(), stdin, Path.of("").toAbsolutePath());
        } catch (CommandLine.UsageException e) {
            err.println("questbench run: " + e.getMessage());
            return Launcher.EXIT_USAGE;
        }
        Path dataDir = DataDirectory.resolve(commandLine.dataDir());
        Store store;
        try {
            store = Store.open(dataDir);
        } catch (StoreException e) {
            err.println("questbench run: " + e.getMessage());
            return EXIT_ERROR;
        }
        try (store) {
            return run(store, options, out, err, env);
        }
    }

    static int run(Store store, Options options, PrintStream out, PrintStream err, Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        BuiltinAgent agent = new BuiltinAgent(store, env, home,
                new BuiltinAgent.Overrides(options.provider(), options.baseUrl(), options.model()));
        AcpBackend acp = new AcpBackend(store);
        String backend;
        try {
            backend = backend(store, acp, options);
        } catch (CommandLine.UsageException e) {
            err.println("questbench run: " + e.getMessage());
            return Launcher.EXIT_USAGE;
        }
        QuestExecutor executor = new QuestExecutor(store, List.of(agent.backend(), acp, new CloudBackend(store, env),
                new WebhookBackend(store)), null);
        QuestWorkspaces.install(store, executor, env); // checkpoints before each turn, as in the desktop app
        Workspace workspace = store.workspaces().open(options.workspace().toString());
        Instant now = Instant.now();
        Quest draft = Quest.create(title(options.prompt()), options.prompt(), workspace.id(), QuestMode.AGENT,
                QuestEnvironment.LOCAL, now);
        Quest quest = new Quest(draft.id(), draft.title(), draft.prompt(), draft.workspaceId(), backend,
                options.model(), draft.mode(), draft.environment(),
                new QuestOptions(false, null, options.permissionMode(), options.provider()), false, false, false,
                now, now);
        String questId = quest.id();
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Printer printer = new Printer(out, err, options.json());
        Subscription journal = store.journal().subscribe(entries -> {
            for (JournalEntry entry : entries) {
                if (entry.questId().equals(questId)) {
                    Integer exit = printer.entry(entry);
                    if (exit != null) {
                        done.complete(exit);
                    }
                }
            }
        });
        Thread interrupt = new Thread(() -> {
            executor.stop(questId);
            try {
                done.get();
            } catch (InterruptedException | ExecutionException ignored) {
                // shutting down anyway
            }
        }, "questbench-run-stop");
        Runtime.getRuntime().addShutdownHook(interrupt);
        try {
            executor.create(quest);
            int exit = done.get();
            printer.finish();
            return exit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_ERROR;
        } catch (ExecutionException e) {
            err.println("questbench run: " + e.getCause().getMessage());
            return EXIT_ERROR;
        } finally {
            journal.close();
            executor.close();
            try {
                Runtime.getRuntime().removeShutdownHook(interrupt);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    /**
     * The backend id for {@code --agent}/{@code --acp}: an ACP preset by name, {@code cloud}, {@code webhook:NAME},
     * or the built-in agent.
     */
    static String backend(Store store, AcpBackend acp, Options options) {
        if (options.acpCommand() != null) {
            return acp.register(AcpPreset.parse("command-line", options.acpCommand()));
        }
        String name = options.agent();
        if (name == null) {
            return Quest.BUILTIN_BACKEND;
        }
        if (name.equals(CloudBackend.KIND)) {
            return CloudBackend.KIND;
        }
        if (name.startsWith(WebhookBackend.KIND + ":")) {
            return name;
        }
        String id = AcpBackend.backendId(name);
        if (acp.preset(id) == null) {
            throw new CommandLine.UsageException("there is no agent '" + name + "'. Known agents: "
                    + String.join(", ", store.settings().get(AgentPresets.SETTING).presets().stream()
                    .map(AcpPreset::name).toList()) + ", cloud, webhook:NAME (Settings → Agents), or use "
                    + "--acp 'COMMAND ARGS'.");
        }
        return id;
    }

    static String title(String prompt) {
        String line = prompt.lines().findFirst().orElse(prompt).strip();
        return line.length() <= 80 ? line : line.substring(0, 79) + "…";
    }

    /** Prints journal entries as they land and decides the exit status when the turn yields. */
    private static final class Printer {
        private final PrintStream out;
        private final PrintStream err;
        private final boolean json;
        private final Map<String, QuestEvent.AgentToolUse> toolUses = new HashMap<>();
        private boolean printedText;

        Printer(PrintStream out, PrintStream err, boolean json) {
            this.out = out;
            this.err = err;
            this.json = json;
        }

        /** Prints one entry; returns the exit status once the turn has yielded, else null. */
        synchronized Integer entry(JournalEntry entry) {
            QuestEvent event = entry.event();
            if (json) {
                ObjectNode line = EventJson.toTree(event);
                line.put("id", entry.id());
                line.put("quest_id", entry.questId());
                line.put("seq", entry.seq());
                line.put("processed_at", entry.processedAt().toString());
                out.println(line);
                out.flush();
            }
            if (event instanceof QuestEvent.AgentToolUse use) {
                toolUses.put(entry.id(), use);
                if (!json) {
                    err.println("▸ " + use.name() + " " + ToolSummary.of(use));
                }
            } else if (event instanceof QuestEvent.SubagentEvent child
                    && EventJson.fromTree(child.event()) instanceof QuestEvent.AgentToolUse use) {
                toolUses.put(entry.id(), use); // a subagent's use may wait for approval too
            } else if (event instanceof QuestEvent.AgentMessage message && !json) {
                out.println(ContentBlock.plainText(message.content()));
                out.flush();
                printedText = true;
            } else if (event instanceof QuestEvent.SessionStatusIdle idle) {
                if (idle.requiresAction()) {
                    if (!json) {
                        err.println("Waiting for you: the quest needs an approval or an answer. Open it in the "
                                + "desktop app, or run again with --permission-mode acceptEdits or "
                                + "bypassPermissions.");
                    }
                    for (String id : idle.stopReason().eventIds()) {
                        QuestEvent.AgentToolUse use = toolUses.get(id);
                        if (use != null && !json) {
                            err.println("  pending: " + use.name() + " " + ToolSummary.of(use));
                        }
                    }
                    return EXIT_WAITING;
                }
                if (QuestEvent.SessionStatusIdle.StopReason.STOPPED.equals(idle.stopReason().type())) {
                    if (!json) {
                        err.println("Stopped.");
                    }
                    return EXIT_ERROR;
                }
                return EXIT_OK;
            } else if (event instanceof QuestEvent.SessionError error) {
                if (!json) {
                    err.println("questbench run: " + error.error().message());
                }
                return EXIT_ERROR;
            } else if (event instanceof QuestEvent.Paused) {
                return EXIT_ERROR;
            }
            return null;
        }

        void finish() {
            if (!json && !printedText) {
                out.flush();
            }
        }
    }
}
