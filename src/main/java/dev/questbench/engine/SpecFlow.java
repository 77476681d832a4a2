package dev.questbench.engine;

import dev.questbench.agent.TurnResult;
import dev.questbench.agent.UserInput;
import dev.questbench.domain.Quest;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.event.QuestEvent.TodoUpdated.TodoItem;
import dev.questbench.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spec mode: until the user accepts a spec, each turn asks the agent for a structured spec (requirements,
 * design, tasks, acceptance criteria), journals it as {@code quest.spec_proposed} and waits (Action Required)
 * for Build, a request for changes, or Schedule. Build then works through the tasks in order, with the todo
 * list tracking them.
 */
public final class SpecFlow implements TurnHook {
    static final String INSTRUCTIONS = """
            Before changing anything, write a spec for this request and stop. Use Markdown with these sections:
            ## Requirements
            ## Design
            ## Tasks  (a checklist, one "- [ ] task" per line, in the order to do them)
            ## Acceptance criteria
            Do not start implementing until the user says Build.""";
    private static final Pattern TASK = Pattern.compile("^\\s*[-*]\\s*\\[[ xX]]\\s+(.+)$", Pattern.MULTILINE);
    private static final Set<String> SPEC_TYPES = Set.of("quest.spec_proposed", "quest.spec_accepted");

    private final Store store;

    public SpecFlow(Store store) {
        this.store = store;
    }

    @Override
    public UserInput beforeSend(String questId, UserInput input) {
        if (!inSpecPhase(questId)) {
            return input;
        }
        List<ContentBlock> content = new ArrayList<>(input.content());
        content.add(ContentBlock.text(INSTRUCTIONS));
        return new UserInput(content, input.messageEventId());
    }

    @Override
    public TurnResult onYield(String questId, TurnResult result) {
        if (!(result instanceof TurnResult.EndTurn) || !inSpecPhase(questId)) {
            return result;
        }
        String markdown = lastAnswer(questId);
        JournalEntry spec = store.journal().append(questId, new QuestEvent.SpecProposed(markdown, tasks(markdown)));
        return new TurnResult.RequiresAction(List.of(spec.id()));
    }

    /** Build: accept the latest spec and work through its tasks in order. */
    public boolean build(QuestExecutor executor, String questId) {
        JournalEntry spec = latestSpec(questId).orElseThrow(
                () -> new IllegalStateException("This quest has no proposed spec to build yet."));
        QuestEvent.SpecProposed proposed = (QuestEvent.SpecProposed) spec.event();
        store.journal().append(questId, new QuestEvent.SpecAccepted(spec.id(), "build"));
        store.journal().append(questId, new QuestEvent.TodoUpdated(proposed.tasks()));
        StringBuilder message = new StringBuilder("Build the spec you proposed. Work through the tasks in order and "
                + "keep the todo list up to date:\n");
        for (TodoItem task : proposed.tasks()) {
            message.append("- ").append(task.content()).append('\n');
        }
        return executor.continueWith(questId, message.toString().strip());
    }

    /** Ask for changes: the agent revises the spec and it waits for Build again. */
    public boolean requestChanges(QuestExecutor executor, String questId, String feedback) {
        return executor.continueWith(questId, "Revise the spec: " + feedback);
    }

    /**
     * Accept the spec for a scheduled run instead of building now. The quest stops waiting (Ready), so the
     * schedule's message starts a turn when it comes instead of waiting behind the proposal as a queued one.
     */
    public void acceptForSchedule(String questId) {
        JournalEntry spec = latestSpec(questId).orElseThrow(
                () -> new IllegalStateException("This quest has no proposed spec to schedule yet."));
        boolean waiting = store.quests().summary(questId)
                .map(summary -> summary.status() == dev.questbench.domain.QuestStatus.ACTION_REQUIRED).orElse(false);
        store.journal().appendAll(questId, waiting
                ? List.of(new QuestEvent.SpecAccepted(spec.id(), "schedule"), QuestEvent.SessionStatusIdle.endTurn())
                : List.of(new QuestEvent.SpecAccepted(spec.id(), "schedule")));
    }

    /** The tasks of a spec: its checklist items, in order. */
    static List<TodoItem> tasks(String markdown) {
        List<TodoItem> tasks = new ArrayList<>();
        Matcher matcher = TASK.matcher(markdown);
        while (matcher.find()) {
            tasks.add(new TodoItem(matcher.group(1).strip(), "pending", null));
        }
        return tasks;
    }

    private boolean inSpecPhase(String questId) {
        Quest quest = store.quests().get(questId).orElse(null);
        if (quest == null || !quest.options().specDriven()) {
            return false;
        }
        return store.journal().readByType(questId, Set.of("quest.spec_accepted"), 1).isEmpty();
    }

    private Optional<JournalEntry> latestSpec(String questId) {
        List<JournalEntry> specs = store.journal().readByType(questId, SPEC_TYPES, 0);
        return specs.isEmpty() || !(specs.get(specs.size() - 1).event() instanceof QuestEvent.SpecProposed)
                ? Optional.empty() : Optional.of(specs.get(specs.size() - 1));
    }

    private String lastAnswer(String questId) {
        List<JournalEntry> recent = store.journal().readLast(questId, 200);
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (recent.get(i).event() instanceof QuestEvent.AgentMessage message) {
                return ContentBlock.plainText(message.content());
            }
        }
        return "";
    }
}
