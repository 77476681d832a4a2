package dev.questbench.agent.builtin.hooks;

/** One hook command that ran: what it printed and how it ended (for the transcript). */
public record HookRun(HookEvent event, String command, int exitCode, String stdout, String stderr,
                      long durationMs, boolean timedOut) {
}
