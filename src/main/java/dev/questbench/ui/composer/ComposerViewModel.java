package dev.questbench.ui.composer;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.engine.QueuedMessages;
import dev.questbench.store.QuestChange;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.FxBatcher;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer under the conversation: sends a message with its attachments to the selected quest (a turn starts,
 * or the message waits as a queued bubble while one runs), runs the {@code /} commands (see {@link ComposerCommand}),
 * completes {@code @} files and {@code /} commands, stops a running turn, holds the quest's model and permission
 * mode pickers, and keeps an unsent draft per quest across restarts.
 */
public final class ComposerViewModel implements AutoCloseable {
    static final String NO_QUEST_HINT = "Select a quest to send it a message, or start a New Quest.";
    static final String HINT = "Message the agent  ·  Enter sends, Shift+Enter adds a line  ·  @ attaches a file  ·  "
            + "/ lists commands";
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
    private final ReadOnlyObjectWrapper<QuestStatus> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ObservableList<QueuedMessages.Queued> queued = FXCollections.observableArrayList();
    private final ObservableList<QueuedMessages.Queued> queuedView = FXCollections.unmodifiableObservableList(queued);
    private final ObservableList<Attachment> attachments = FXCollections.observableArrayList();
    // one view each, kept: a view listens to its list weakly, so a view made per call stops telling listeners
    private final ObservableList<Attachment> attachmentsView = FXCollections.unmodifiableObservableList(attachments);
    private final BooleanBinding canSend = Bindings.createBooleanBinding(() -> questId.get() != null
            && (!text.get().isBlank() || !attachments.isEmpty()) && !sending.get(), questId, text, sending,
            attachments);
    private final BooleanBinding canStop = Bindings.createBooleanBinding(() -> status.get() != null
            && (status.get().isActive() || status.get() == QuestStatus.ACTION_REQUIRED), status);
    private final List<SlashCommandSource> commandSources = new CopyOnWriteArrayList<>(
            List.of(SlashCommandSource.BUILT_IN, SlashCommandSource.WORKSPACE));
    private final MentionIndex mentionIndex;
    private final Completion completion;
    private final QuestChoices choices;
    private final ComposerDrafts drafts;
    private final ComposerActions actions;
    private final FxBatcher<String, List<String>> queueChanges;
    private final FxBatcher<QuestSummary, List<QuestSummary>> statusChanges;
    private final Subscription subscription;
    private final Subscription questSubscription;
    private volatile String watched;
    private List<SlashCommand> commands = List.of();
    private long generation;
    private Runnable onReview = () -> { };
    private boolean closed;

    public ComposerViewModel(Store store, QuestEngine engine, TaskRunner tasks, Executor fxExecutor) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.mentionIndex = new MentionIndex(tasks);
        this.completion = new Completion(tasks, mentionIndex, () -> commands);
        this.choices = new QuestChoices(store, engine, tasks, problem::set);
        this.drafts = new ComposerDrafts(store.settings());
        this.actions = new ComposerActions(store, engine);
        this.queueChanges = FxBatcher.inOrder(fxExecutor, ids -> {
            if (ids.contains(questId.get())) {
                reloadQueue();
            }
        });
        this.statusChanges = FxBatcher.inOrder(fxExecutor, summaries -> {
            for (QuestSummary summary : summaries) {
                if (summary.id().equals(questId.get())) {
                    status.set(summary.status());
                }
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
        this.questSubscription = store.quests().subscribe(change -> {
            if (change instanceof QuestChange.Upserted upserted && upserted.questId().equals(watched)) {
                statusChanges.offer(upserted.summary());
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

    /** The selected quest's status, as the store last reported it (null: no quest, or not read yet). */
    public ReadOnlyObjectProperty<QuestStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while a turn runs, waits its turn or waits for an answer: Stop shows beside Send. */
    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** Messages waiting for the current round to end, oldest first. */
    public ObservableList<QueuedMessages.Queued> queued() {
        return queuedView;
    }

    /** Files, folders and images going with the next message. */
    public ObservableList<Attachment> attachments() {
        return attachmentsView;
    }

    public Completion completion() {
        return completion;
    }

    public QuestChoices choices() {
        return choices;
    }

    /** The commands the {@code /} list offers for the selected quest. */
    public List<SlashCommand> commands() {
        return commands;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Follows the selected quest (null: none); the previous quest's unsent text is saved as its draft. */
    public void show(String id) {
        if (Objects.equals(id, questId.get())) {
            return;
        }
        saveDraft();
        generation++;
        questId.set(id);
        watched = id;
        text.set("");
        attachments.clear();
        problem.set("");
        notice.set("");
        status.set(null);
        queued.clear();
        commands = List.of();
        completion.dismiss();
        mentionIndex.follow(null);
        choices.show(id);
        if (id != null) {
            reloadQueue();
            load(id);
        }
    }

    /** Sends the text and attachments: a message, or one of the {@code /} commands. */
    public void send() {
        String id = questId.get();
        String message = text.get() == null ? "" : text.get().strip();
        if (id == null || message.isEmpty() && attachments.isEmpty() || sending.get()) {
            return;
        }
        notice.set("");
        completion.dismiss();
        ComposerCommand command = message.isEmpty() ? new ComposerCommand.Message("")
                : ComposerCommand.parse(message, commands);
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
        List<Attachment> attached = List.copyOf(attachments);
        tasks.run(() -> {
            String result = actions.perform(id, command, attached);
            drafts.save(id, "", List.of());
            return result;
        }, result -> {
            sending.set(false);
            text.set("");
            attachments.clear();
            notice.set(result);
        }, failure -> {
            sending.set(false);
            problem.set(failure instanceof IllegalArgumentException || failure instanceof IllegalStateException
                    ? failure.getMessage() : "The message could not be sent: " + failure.getMessage());
        });
    }

    /** Stops the running turn (or takes a waiting quest out of its wait); it ends Ready. */
    public void stop() {
        String id = questId.get();
        if (id != null) {
            tasks.run(() -> engine.executor().stop(id), stopped -> {
                if (!stopped) {
                    notice.set("Nothing is running in this quest.");
                }
            }, failure -> problem.set("Stopping failed: " + failure.getMessage()));
        }
    }

    /** Chooses the selected suggestion: a file or folder becomes an attachment, a command fills the input. */
    public Completion.Accepted acceptCompletion() {
        Completion.Accepted accepted = completion.accept();
        if (accepted == null) {
            return null;
        }
        text.set(accepted.text());
        if (accepted.mode() == Completion.Mode.MENTION && mentionIndex.root() != null) {
            String path = accepted.item().label();
            attach(Attachment.of(path, mentionIndex.root().resolve(path)));
        }
        return accepted;
    }

    /** Adds a pasted or dropped file (named by its absolute path, or relative when it is in the workspace). */
    public void attachFile(Path file) {
        attach(Attachment.dropped(mentionIndex.root(), file));
    }

    /** Saves the unsent text as the quest's draft now (the input lost focus), in the background. */
    public void keepDraft() {
        saveDraft();
    }

    /** Shows a problem the view met (a paste that could not be read). */
    public void reportProblem(String message) {
        problem.set(message);
    }

    public void removeAttachment(Attachment attachment) {
        attachments.remove(attachment);
    }

    /** Re-reads the workspace's files for {@code @} (they changed since the index was built). */
    public void refreshFiles() {
        mentionIndex.refresh();
    }

    /** Adds a source of {@code /} commands (e.g. an agent's own), offered from the next quest selection on. */
    public void addCommandSource(SlashCommandSource source) {
        commandSources.add(Objects.requireNonNull(source, "source"));
    }

    /** What {@code /review} does: the window opens the Review tab on the last turn and starts the AI review. */
    public void setOnReview(Runnable action) {
        onReview = Objects.requireNonNull(action, "action");
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

    /** Saves the draft (on the caller's thread: the window is closing) and stops listening. */
    @Override
    public void close() {
        closed = true;
        String id = questId.get();
        if (id != null) {
            try {
                drafts.save(id, text.get(), List.copyOf(attachments));
            } catch (RuntimeException e) {
                System.getLogger(ComposerViewModel.class.getName()).log(System.Logger.Level.WARNING,
                        "the draft of " + id + " was not saved: " + e.getMessage());
            }
        }
        subscription.close();
        questSubscription.close();
        queueChanges.close();
        statusChanges.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void load(String id) {
        long asked = generation;
        List<SlashCommandSource> sources = List.copyOf(commandSources);
        tasks.run(() -> actions.load(id, sources, drafts), loaded -> {
            if (asked != generation) {
                return;
            }
            if (status.get() == null) {
                status.set(loaded.status());
            }
            commands = loaded.commands();
            mentionIndex.follow(loaded.workspace());
            if (text.get().isEmpty() && attachments.isEmpty()) {
                text.set(loaded.draft().text());
                loaded.draft().attachments().forEach(saved -> attachments.add(saved.attachment()));
            }
        }, failure -> problem.set("The quest could not be read: " + failure.getMessage()));
    }

    private void saveDraft() {
        String previous = questId.get();
        if (previous == null || closed) { // closed: the window saved it already and the task runner may be gone
            return;
        }
        String draftText = text.get();
        List<Attachment> draftFiles = List.copyOf(attachments);
        tasks.run(() -> drafts.save(previous, draftText, draftFiles),
                failure -> problem.set("The draft was not saved: " + failure.getMessage()));
    }

    private void attach(Attachment attachment) {
        if (attachments.stream().noneMatch(existing -> existing.file().equals(attachment.file()))) {
            attachments.add(attachment);
        }
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
