package dev.questbench.app;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.server.ServerApi;
import dev.questbench.server.ServerOptions;
import dev.questbench.store.DataDirectory;
import dev.questbench.store.Store;
import dev.questbench.store.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * {@code questbench serve}: the headless agent server on loopback (Cloud Agents API, webhook shim, health) over the
 * same executor and store as the desktop app. Runs until the process is stopped.
 */
final class ServeCommand {
    private ServeCommand() {
    }

    /** The parsed {@code serve} options. */
    record Options(ServerOptions server, BuiltinAgent.Overrides overrides) {
    }

    static String usage() {
        return """
                Usage: questbench serve [--host 127.0.0.1] [--port 6666] [--token TOKEN]
                                        [--provider NAME | --base-url URL --model M]
                                        [--permission-mode default|acceptEdits|plan|bypassPermissions]
                """;
    }

    static Options parse(List<String> args) {
        String host = ServerOptions.DEFAULT_HOST;
        int port = ServerOptions.DEFAULT_PORT;
        String token = null;
        AgentFlags flags = new AgentFlags();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            OptionWord split = OptionWord.of(arg);
            String name = split.name();
            String value = split.value();
            if (AgentFlags.takes(name)) {
                flags.accept(name, value != null ? value : RunCommand.next(args, ++i, name));
                continue;
            }
            switch (name) {
                case "--host" -> host = value != null ? value : RunCommand.next(args, ++i, name);
                case "--token" -> token = value != null ? value : RunCommand.next(args, ++i, name);
                case "--port" -> {
                    String word = value != null ? value : RunCommand.next(args, ++i, name);
                    try {
                        port = Integer.parseInt(word);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 0 || port > 65_535) {
                        throw new CommandLine.UsageException("--port must be a number from 0 to 65535, not '" + word
                                + "'.");
                    }
                }
                default -> throw new CommandLine.UsageException("Unknown " + (arg.startsWith("-") ? "option" : "word")
                        + " '" + arg + "' for serve.\n" + usage());
            }
        }
        flags.check();
        if (token != null && token.isBlank()) {
            throw new CommandLine.UsageException("--token needs a non-empty value.");
        }
        return new Options(new ServerOptions(host, port, token, flags.mode, flags.model, null), flags.overrides());
    }

    static int run(CommandLine commandLine, PrintStream out, PrintStream err, Map<String, String> env) {
        Options options;
        try {
            options = parse(commandLine.modeArgs());
        } catch (CommandLine.UsageException e) {
            err.println("questbench serve: " + e.getMessage());
            return Launcher.EXIT_USAGE;
        }
        Store store;
        try {
            store = Store.open(DataDirectory.resolve(commandLine.dataDir()));
        } catch (StoreException e) {
            err.println("questbench serve: " + e.getMessage());
            return Launcher.EXIT_FAILURE;
        }
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thread hook = new Thread(() -> { // Ctrl+C: let the main thread close the store before the JVM halts
            stopped.complete(null);
            try {
                closed.get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // halting anyway
            }
        }, "questbench-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return serve(store, options, out, err, env, stopped);
        } finally {
            closed.complete(null);
        }
    }

    /** Serves until {@code stop} completes, then closes the server, the executor and the store. */
    static int serve(Store store, Options options, PrintStream out, PrintStream err, Map<String, String> env,
                     CompletableFuture<Void> stop) {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        BuiltinAgent agent = new BuiltinAgent(store, env, home, options.overrides());
        // every backend, so sessions can also run quests on external agents chosen in the desktop app
        QuestExecutor executor = new QuestExecutor(store, List.of(agent.backend(),
                new dev.questbench.agent.acp.AcpBackend(store), new dev.questbench.agent.cloud.CloudBackend(store, env),
                new dev.questbench.agent.webhook.WebhookBackend(store)), null);
        QuestWorkspaces.install(store, executor, env);
        try (store; executor) {
            executor.start();
            try (ServerApi server = ServerApi.start(store, executor, agent, options.server())) {
                announce(server, options, out, err);
                stop.get();
            }
            return Launcher.EXIT_OK;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            err.println("questbench serve: " + e.getMessage());
            return Launcher.EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Launcher.EXIT_OK;
        } catch (ExecutionException e) {
            return Launcher.EXIT_FAILURE;
        }
    }

    private static void announce(ServerApi server, Options options, PrintStream out, PrintStream err) {
        if (!options.server().loopback()) {
            err.println("questbench serve: warning: listening on " + options.server().host() + ", not only on "
                    + "this machine. Anyone who can reach port " + server.port() + " can try the token; use "
                    + "--host 127.0.0.1 unless you mean it.");
        }
        out.println("Questbench server listening on " + server.baseUrl() + ServerApi.BASE + " (webhooks at "
                + server.baseUrl() + "/webhook/{command}); bearer token in " + server.token().whereKept());
        out.flush();
    }
}
