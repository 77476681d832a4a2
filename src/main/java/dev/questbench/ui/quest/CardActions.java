package dev.questbench.ui.quest;

import dev.questbench.agent.ToolConfirmation;
import dev.questbench.domain.Quest;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.QuestEvent.TodoUpdated.TodoItem;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the conversation's cards do: answer an approval or a question, Retry after an error, Resume after an
 * interruption, Build a spec, ask for changes to it or schedule it. All of it goes to the engine through the task
 * runner; a failure the user can fix comes back through {@code onProblem}, anything else opens an error dialog.
 */
public final class CardActions {
    private final Store store;
    private final QuestEngine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Supplier<String> questId;
    private final QuestActions quests;

    /** @param questId the quest the conversation shows now */
    public CardActions(Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs, Supplier<String> questId,
                       QuestActions quests) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.questId = questId;
        this.quests = quests;
    }

    /** Allow once, allow for the rest of the quest, or deny with an optional message for the agent. */
    public void answer(String toolUseEventId, Decision decision, boolean alwaysForQuest, String denyMessage) {
        String id = questId.get();
        String message = decision == Decision.DENY && denyMessage != null && !denyMessage.isBlank()
                ? denyMessage.strip() : null;
        ToolConfirmation answer = new ToolConfirmation(toolUseEventId, decision, message,
                decision == Decision.ALLOW && alwaysForQuest);
        background(() -> engine.executor().confirm(id, answer), "The answer could not be given");
    }

    /** Answers the agent's question ({@code AskUserQuestion}) with the user's reply. */
    public void answerQuestion(String toolUseEventId, String reply) {
        if (reply == null || reply.isBlank()) {
            return;
        }
        String id = questId.get();
        ToolConfirmation answer = ToolConfirmation.answer(toolUseEventId, reply.strip());
        background(() -> engine.executor().confirm(id, answer), "The answer could not be sent");
    }

    public void retry() {
        String id = questId.get();
        background(() -> engine.executor().retry(id), "Retrying failed");
    }

    public void resume() {
        String id = questId.get();
        background(() -> engine.executor().resume(id), "Resuming failed");
    }

    /** Accepts the latest spec and works through its tasks. */
    public void build() {
        String id = questId.get();
        background(() -> engine.specs().build(engine.executor(), id), "Building the spec failed");
    }

    /** Sends the feedback; the agent revises the spec and it waits for Build again. */
    public void requestChanges(String feedback, Consumer<String> onProblem) {
        if (feedback == null || feedback.isBlank()) {
            onProblem.accept("Say what to change in the spec.");
            return;
        }
        String id = questId.get();
        background(() -> engine.specs().requestChanges(engine.executor(), id, feedback.strip()),
                "Asking for changes failed");
    }

    /**
     * Schedules the build ({@code when} as in {@code /schedule}, e.g. "tomorrow at 2:00") and accepts the spec for
     * it. A time that cannot be read comes back through {@code onProblem} and nothing is accepted.
     */
    public void schedule(String when, List<TodoItem> specTasks, Consumer<String> onProblem, Runnable onScheduled) {
        if (when == null || when.isBlank()) {
            onProblem.accept("Say when to build it, for example “tomorrow at 2:00” or “in 3 hours”.");
            return;
        }
        String id = questId.get();
        StringBuilder instructions = new StringBuilder("Build the spec you proposed. Work through the tasks in order"
                + " and keep the todo list up to date:");
        specTasks.forEach(task -> instructions.append("\n- ").append(task.content()));
        tasks.run(() -> {
            Quest quest = store.quests().get(id).orElseThrow(() -> new IllegalStateException("The quest is gone."));
            ScheduleDraft template = new ScheduleDraft("Build: " + quest.title(), null, null, quest.workspaceId(),
                    quest.model(), false, id, true, null);
            engine.scheduler().createFromCommand("/schedule " + when.strip() + " " + instructions, template);
            engine.specs().acceptForSchedule(id);
            return id;
        }, done -> onScheduled.run(), failure -> {
            if (failure instanceof IllegalArgumentException) {
                onProblem.accept(failure.getMessage());
            } else {
                dialogs.showError("Scheduling failed", failure.getMessage());
            }
        });
    }

    /** A new quest with this one's transcript up to the event; it opens at once. */
    public void forkFrom(String eventId) {
        quests.fork(questId.get(), eventId);
    }

    private void background(TaskRunner.CheckedRunnable work, String failureTitle) {
        tasks.run(work, failure -> dialogs.showError(failureTitle, failure.getMessage()));
    }
}
