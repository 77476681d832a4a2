package dev.questbench.agent.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.questbench.agent.builtin.hooks.HookEvent;
import dev.questbench.agent.builtin.hooks.HookResult;
import dev.questbench.agent.builtin.hooks.HookRun;
import dev.questbench.agent.builtin.hooks.HookRunner;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.llm.Cancellation;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Runs a session's hooks with the common input fields and journals every run as {@code quest.hook_ran}. */
final class SessionHooks {
    private static final int OUTPUT_CAP = 4_000;

    private final HookRunner runner;
    private final SessionJournal journal;
    private final String questId;
    private final Path workDir;
    private final PermissionMode mode;
    private final Supplier<Cancellation> cancellation;

    SessionHooks(HookRunner runner, SessionJournal journal, String questId, Path workDir, PermissionMode mode,
                 Supplier<Cancellation> cancellation) {
        this.runner = runner;
        this.journal = journal;
        this.questId = questId;
        this.workDir = workDir;
        this.mode = mode;
        this.cancellation = cancellation;
    }

    /** The fields every hook input carries. */
    ObjectNode input() {
        ObjectNode input = EventJson.mapper().createObjectNode();
        input.put("session_id", questId);
        input.putNull("transcript_path");
        input.put("cwd", workDir.toString());
        input.put("permission_mode", mode.wireName());
        return input;
    }

    HookResult run(HookEvent event, String matchTarget, ObjectNode input) {
        return run(event, matchTarget, input, "blocked");
    }

    /** @param blockedOutcome how a blocking run reads in the transcript (Stop hooks: keep working) */
    HookResult run(HookEvent event, String matchTarget, ObjectNode input, String blockedOutcome) {
        HookResult result = runner.run(event, matchTarget, input, cancellation.get());
        List<HookRun> runs = result.runs();
        for (int i = 0; i < runs.size(); i++) {
            HookRun run = runs.get(i);
            boolean last = i == runs.size() - 1;
            String outcome = run.timedOut() ? "timed_out" : run.exitCode() == 2 || (last && result.blocked())
                    ? blockedOutcome : run.exitCode() == 0 ? "ok" : "error";
            String output = blockedOutcome.equals(outcome) && result.feedback() != null ? result.feedback()
                    : join(run.stdout(), run.stderr());
            journal.emit(new QuestEvent.HookRan(event.wire(), run.command(), run.exitCode(), cap(output), outcome,
                    run.durationMs()));
        }
        return result;
    }

    private static String join(String stdout, String stderr) {
        String out = stdout == null ? "" : stdout.strip();
        String err = stderr == null ? "" : stderr.strip();
        return out.isEmpty() ? err : err.isEmpty() ? out : out + "\n" + err;
    }

    private static String cap(String text) {
        return text.length() <= OUTPUT_CAP ? text : text.substring(0, OUTPUT_CAP) + "…";
    }
}
