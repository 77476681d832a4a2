package dev.questbench.agent.builtin;

import dev.questbench.agent.QuestContext;
import dev.questbench.agent.builtin.permission.PermissionRule;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A session's view of its quest's journal: the history it was opened with plus everything it emitted, and the
 * questions the loop asks of it (what waits for a result, what the user answered, which rules they granted).
 * Entries the executor journaled without telling the session (its user message, answers) are added as
 * synthetic entries with the same meaning.
 */
final class SessionJournal {
    private final QuestContext context;
    private final List<JournalEntry> log;
    private final AtomicLong syntheticIds = new AtomicLong();

    SessionJournal(QuestContext context) {
        this.context = context;
        this.log = new ArrayList<>(context.history());
    }

    /**
     * Adds what others journaled since the last entry this session knows (a revert, review feedback, the
     * executor's user message and answers), so each turn starts from the whole journal.
     */
    void catchUp() {
        String lastKnown = null;
        long lastSeq = -1;
        Set<String> known = new HashSet<>();
        for (JournalEntry entry : log) {
            known.add(entry.id());
            if (entry.seq() > lastSeq) {
                lastSeq = entry.seq();
                lastKnown = entry.id();
            }
        }
        for (JournalEntry entry : context.journal().after(lastKnown)) {
            if (known.add(entry.id())) {
                log.add(entry);
            }
        }
    }

    List<JournalEntry> entries() {
        return log;
    }

    /** Journals the event (durable on return) and remembers it. */
    JournalEntry emit(QuestEvent event) {
        JournalEntry entry = context.sink().emit(event);
        log.add(entry);
        return entry;
    }

    /**
     * Journals an event the loop never reads back (a command's output chunks, from the tool's reader thread),
     * without remembering it; safe from any thread.
     */
    JournalEntry journalOnly(QuestEvent event) {
        return context.sink().emit(event);
    }

    /** Hands a streaming piece to live listeners only. */
    void stream(QuestEvent delta) {
        context.sink().stream(delta);
    }

    /** Remembers an event the executor journaled (or a continuation) under the given id, or a new one. */
    JournalEntry remember(String id, QuestEvent event) {
        JournalEntry entry = new JournalEntry(id != null ? id : "syn_" + syntheticIds.incrementAndGet(),
                context.quest().id(), -1, Instant.now(), event);
        log.add(entry);
        return entry;
    }

    Optional<JournalEntry> find(String id) {
        return log.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }

    /** The user's latest answer to a tool use, or null. */
    QuestEvent.UserToolConfirmation confirmation(String toolUseId) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).event() instanceof QuestEvent.UserToolConfirmation answer
                    && toolUseId.equals(answer.toolUseId())) {
                return answer;
            }
        }
        return null;
    }

    /** Tool uses of the latest model response that have no result yet, in the order the model made them. */
    List<JournalEntry> pendingToolUses() {
        List<JournalEntry> pending = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (int i = log.size() - 1; i >= 0; i--) {
            QuestEvent event = log.get(i).event();
            if (event instanceof QuestEvent.UserMessage || event instanceof QuestEvent.Compacted
                    || event instanceof QuestEvent.ModelRequestEnd) {
                break;
            }
            if (event instanceof QuestEvent.AgentToolResult result) {
                done.add(result.toolUseId());
            } else if (event instanceof QuestEvent.AgentToolUse && !done.contains(log.get(i).id())) {
                pending.add(0, log.get(i));
            }
        }
        return pending;
    }

    /** Model calls since the last user message, so a resumed turn keeps counting towards the limit. */
    int stepsThisTurn() {
        int steps = 0;
        for (int i = log.size() - 1; i >= 0; i--) {
            QuestEvent event = log.get(i).event();
            if (event instanceof QuestEvent.UserMessage) {
                break;
            }
            if (event instanceof QuestEvent.ModelRequestStart) {
                steps++;
            }
        }
        return steps;
    }

    /** The rules this quest's "Allow always" answers granted. */
    List<PermissionRule> alwaysAllowRules(Path workDir) {
        List<PermissionRule> rules = new ArrayList<>();
        for (JournalEntry entry : log) {
            if (entry.event() instanceof QuestEvent.UserToolConfirmation answer && answer.alwaysForQuest()
                    && answer.result() == Decision.ALLOW) {
                find(answer.toolUseId()).map(SessionJournal::toolUse)
                        .ifPresent(tool -> rules.add(PermissionRule.forAlwaysAllow(tool.name(), tool.input(),
                                workDir)));
            }
        }
        return rules;
    }

    /** The tool use an entry is: the main agent's, or a subagent's that asked for approval; else null. */
    private static QuestEvent.AgentToolUse toolUse(JournalEntry entry) {
        if (entry.event() instanceof QuestEvent.AgentToolUse use) {
            return use;
        }
        if (entry.event() instanceof QuestEvent.SubagentEvent child
                && dev.questbench.domain.event.EventJson.fromTree(child.event()) instanceof QuestEvent.AgentToolUse use) {
            return use;
        }
        return null;
    }

    /** The agent already worked in this quest (so a session start is a resume). */
    boolean hasAgentActivity() {
        return log.stream().anyMatch(entry -> entry.event() instanceof QuestEvent.AgentMessage
                || entry.event() instanceof QuestEvent.AgentToolUse);
    }

    /** The last event of a type, or null. */
    <T extends QuestEvent> T last(Class<T> type) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (type.isInstance(log.get(i).event())) {
                return type.cast(log.get(i).event());
            }
        }
        return null;
    }
}
