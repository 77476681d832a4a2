package dev.questbench.ui.quest;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.engine.QuestWorkspaces;
import dev.questbench.store.Store;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.TaskRunner;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;

/**
 * What the user can do with a message they sent: revert the files to before its turn, or edit it and send it
 * again (which reverts first). Both need the workspace side with git, and an idle quest; {@link #unavailableProperty}
 * says why not otherwise. The work runs on the engine through the task runner; failures open an error dialog
 * with the engine's message as it is.
 */
public final class MessageActions {
    private static final Set<String> MESSAGES = Set.of("user.message");

    private final Store store;
    private final QuestWorkspaces workspaces;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObservableValue<String> questId;
    private final MessageEditor editor;
    private final StringBinding unavailable;
    private java.util.function.Consumer<Boolean> onReviewChanges = latest -> { };

    /**
     * @param workspaces the engine's workspace side; null when this window runs without it
     * @param questId    the quest the conversation shows
     * @param status     that quest's status as the conversation knows it
     * @param editor     asks for the edited text (the real one opens {@link EditMessageDialog})
     */
    public MessageActions(Store store, QuestWorkspaces workspaces, TaskRunner tasks, DialogService dialogs,
                          ObservableValue<String> questId, ObservableValue<QuestStatus> status,
                          MessageEditor editor) {
        this.store = store;
        this.workspaces = workspaces;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.questId = questId;
        this.editor = editor;
        this.unavailable = Bindings.createStringBinding(() -> why(status.getValue()), status);
    }

    // ---- properties ----------------------------------------------------------------------------

    /** Why Revert and Edit and resend cannot run now, in the user's words; null when they can. */
    public ObservableStringValue unavailableProperty() {
        return unavailable;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Asks, then restores the files to how they were before the turn this user message started. */
    public void revert(String messageEventId) {
        String id = questId.getValue();
        if (id == null || unavailable.get() != null || !dialogs.confirm("Revert files?", "Restore the workspace files "
                + "to how they were before this message? Changes made since then are saved in a safety snapshot.",
                "Revert files")) {
            return;
        }
        tasks.run(() -> workspaces.revertTurn(id, turnOf(id, messageEventId)), reverted -> { },
                failure -> dialogs.showError("Reverting failed", failure.getMessage()));
    }

    /**
     * Lets the user edit the message, asks before the files go back, then reverts to before its turn and sends
     * the new text as a new message.
     */
    public void editAndResend(String messageEventId, String text) {
        String id = questId.getValue();
        if (id == null || unavailable.get() != null) {
            return;
        }
        Optional<String> edited = editor.edit(text == null ? "" : text).map(String::strip)
                .filter(value -> !value.isEmpty());
        if (edited.isEmpty() || !dialogs.confirm("Revert files and send?", "The workspace files go back to how they "
                + "were before this message, then your edited message is sent. Changes made since then are saved in a "
                + "safety snapshot.", "Revert and send")) {
            return;
        }
        tasks.run(() -> workspaces.editAndResend(id, messageEventId, edited.get()),
                failure -> dialogs.showError("Edit and resend failed", failure.getMessage()));
    }

    /** Opens the Review tab on a turn's changes ({@code latest}: the last turn's, else the whole quest's). */
    public void reviewChanges(boolean latest) {
        onReviewChanges.accept(latest);
    }

    /** What {@link #reviewChanges} does: the window opens its Review tab. */
    public void setOnReviewChanges(java.util.function.Consumer<Boolean> action) {
        onReviewChanges = java.util.Objects.requireNonNull(action, "action");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String why(QuestStatus status) {
        if (workspaces == null) {
            return "Checkpoints are not available in this window, so files cannot be reverted.";
        }
        if (workspaces.gitProblem() != null) {
            return workspaces.gitProblem();
        }
        if (status == QuestStatus.RUNNING) {
            return "The agent is working. Wait until it finishes, or stop it, then try again.";
        }
        if (status == QuestStatus.QUEUED) {
            return "The quest is queued to run. Wait until it finishes, or stop it, then try again.";
        }
        return null;
    }

    /** Turn n is the one the n-th user message started, as the engine counts them (off the FX thread). */
    private int turnOf(String id, String messageEventId) {
        List<JournalEntry> messages = store.journal().readByType(id, MESSAGES, 0);
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).id().equals(messageEventId)) {
                return i + 1;
            }
        }
        throw new IllegalStateException("This message is no longer in the quest's journal, so its turn cannot be "
                + "reverted.");
    }
}
