package dev.questbench.ui.composer;

import dev.questbench.domain.Quest;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.engine.QueuedMessages;
import dev.questbench.engine.schedule.ScheduleDescription;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.ui.common.TimeAgo;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer under the conversation: sends a message to the selected quest (a turn starts, or the message
 * waits as a queued bubble while one runs), {@code /goal <outcome>} starts goal mode and {@code /schedule <when>
 * <what>} schedules a run of this quest. Queued bubbles follow the journal and can be edited or removed.
 */
public final class ComposerViewModel implements AutoCloseable {
    static final String NO_QUEST_HINT = "Select a quest to send it a message, or start a New Quest.";
    static final String HINT = "Message the agent  ·  /goal <outcome> works until it is met  ·  "
            + "/schedule <when> <what> runs it later  ·  /review checks the changes";
    private static final Set<String> QUEUE_TYPES = Set.of("quest.message_queued", "quest.queued_message_changed",
            "quest.queued_message_delivered");

    private final Store store;
    private final QuestEngine engine;
    private final TaskRunner tasks;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper questId = new ReadOnlyStringWrapper(this, "questId");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ObservableList<QueuedMessages.Queued> queued = FXCollections.observableArrayList();
    private final ObservableList<QueuedMessages.Queued> queuedView = FXCollections.unmodifiableObservableList(queued);
    private final BooleanBinding canSend = Bindings.createBooleanBinding(() -> questId.get() != null
            && !text.get().isBlank() && !sending.get(), questId, text, sending);
    private final FxBatcher<String, List<String>> queueChanges;
    private final Subscription subscription;
    private volatile String watched;
    private long generation;
    private Runnable onReview = () -> { };

    public ComposerViewModel(Store store, QuestEngine engine, TaskRunner tasks, Executor fxExecutor) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.queueChanges = FxBatcher.inOrder(fxExecutor, ids -> {
            if (ids.contains(questId.get())) {
                reloadQueue();
            }
        });
        this.subscription = store.journal().subscribe(batch -> {
            for (JournalEntry entry : batch) {
                if (entry.questId().equals(watched) && QUEUE_TYPES.contains(entry.type())) {
                    queueChanges.offer(entry.questId());
                    return;
                }
            }
        });
        text.addListener((o, before, after) -> problem.set(""));
    }

    // ---- properties ----------------------------------------------------------------------------

    /** What the user is typing. */
    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyStringProperty questIdProperty() {
        return questId.getReadOnlyProperty();
    }

    /** The input's placeholder: how to use it, or why it is disabled. */
    public String hint() {
        return questId.get() == null ? NO_QUEST_HINT : HINT;
    }

    /** What went wrong with the last send, said so the user can fix it; empty when nothing did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** A confirmation of the last command, such as the schedule it created; empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /** Messages waiting for the current round to end, oldest first. */
    public ObservableList<QueuedMessages.Queued> queued() {
        return queuedView;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Follows the selected quest (null: none); the draft is kept only for the same quest. */
    public void show(String id) {
        if (Objects.equals(id, questId.get())) {
            return;
        }
        generation++;
        questId.set(id);
        watched = id;
        text.set("");
        problem.set("");
        notice.set("");
        queued.clear();
        if (id != null) {
            reloadQueue();
        }
    }

    /** Sends the text: a message, {@code /goal <outcome>} or {@code /schedule <when> <what>}. */
    public void send() {
        String id = questId.get();
        String message = text.get() == null ? "" : text.get().strip();
        if (id == null || message.isEmpty() || sending.get()) {
            return;
        }
        notice.set("");
        ComposerCommand command = ComposerCommand.parse(message);
        if (command instanceof ComposerCommand.Invalid invalid) {
            problem.set(invalid.problem());
            return;
        }
        if (command instanceof ComposerCommand.Review) {
            text.set("");
            notice.set("Reviewing the last turn's changes in the Review tab.");
            onReview.run();
            return;
        }
        sending.set(true);
        tasks.run(() -> perform(id, command), result -> {
            sending.set(false);
            text.set("");
            notice.set(result);
        }, failure -> {
            sending.set(false);
            problem.set(failure instanceof IllegalArgumentException ? failure.getMessage()
                    : "The message could not be sent: " + failure.getMessage());
        });
    }

    /** What {@code /review} does: the window opens the Review tab on the last turn and starts the AI review. */
    public void setOnReview(Runnable action) {
        onReview = java.util.Objects.requireNonNull(action, "action");
    }

    public void editQueued(String queueId, String newText) {
        String id = questId.get();
        if (id != null && newText != null && !newText.isBlank()) {
            tasks.run(() -> engine.executor().editQueued(id, queueId, newText.strip()), this::queueFailed);
        }
    }

    public void removeQueued(String queueId) {
        String id = questId.get();
        if (id != null) {
            tasks.run(() -> engine.executor().removeQueued(id, queueId), this::queueFailed);
        }
    }

    @Override
    public void close() {
        subscription.close();
        queueChanges.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Runs the command in the background; returns what to confirm to the user (empty for a plain message). */
    private String perform(String id, ComposerCommand command) {
        if (command instanceof ComposerCommand.Goal goal) {
            engine.goals().start(engine.executor(), id, goal.outcome());
            return "";
        }
        if (command instanceof ComposerCommand.ScheduleRun schedule) {
            Quest quest = store.quests().get(id).orElseThrow(() -> new IllegalStateException("the quest is gone"));
            // Runs continue this quest, with its workspace and model, as the conversation they were asked in.
            ScheduleDraft template = new ScheduleDraft(null, null, null, quest.workspaceId(), quest.model(), false,
                    id, true, null);
            Schedule created = engine.scheduler().createFromCommand(schedule.text(), template);
            return "Scheduled “" + created.name() + "”: " + ScheduleDescription.of(created.rule())
                    + (created.nextRunAt() == null ? "" : ", next run " + TimeAgo.exact(created.nextRunAt())) + ".";
        }
        engine.executor().send(id, ((ComposerCommand.Message) command).text());
        return "";
    }

    private void reloadQueue() {
        String id = questId.get();
        long asked = generation;
        tasks.run(() -> engine.executor().queuedMessages(id), messages -> {
            if (asked == generation && !messages.equals(queued)) {
                queued.setAll(messages);
            }
        }, failure -> { });
    }

    private void queueFailed(Throwable failure) {
        problem.set(failure.getMessage());
        reloadQueue();
    }
}
