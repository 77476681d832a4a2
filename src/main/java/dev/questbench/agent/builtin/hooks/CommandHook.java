package dev.questbench.agent.builtin.hooks;

import java.util.List;
import java.util.Map;

/**
 * One {@code "type": "command"} hook entry from a settings file.
 *
 * @param command        the shell snippet (run with {@code bash -c}), or the program when {@code args} is set
 * @param args           exec-form arguments (no shell), or null for shell form
 * @param timeoutSeconds the entry's own {@code timeout}, or null for the runner's default
 * @param env            extra environment variables
 * @param condition      the entry's {@code if} filter, e.g. {@code Bash(git *)}, or null
 * @param source         the settings file it came from
 */
public record CommandHook(String command, List<String> args, Integer timeoutSeconds, Map<String, String> env,
                          String condition, String source) {
    public CommandHook {
        args = args == null ? null : List.copyOf(args);
        env = env == null ? Map.of() : Map.copyOf(env);
    }
}
