package dev.questbench.ui.quest;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.ui.quest.TranscriptRow.NoticeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns journal entries (and live pieces) into conversation rows and keeps the rows that change current: the
 * quest's status is folded from the entries, so a card stops offering its buttons as soon as the event that
 * settles it arrives; a tool step follows its answer, output and result; the streaming bubble stays last.
 * Each batch changes the list a few times at most: one add, one replacement per changed row.
 */
final class Transcript {
    /**
     * Facts shown elsewhere (queued bubbles, answers on their card, progress in its step, a checkpoint as a mark on
     * its message) or not worth a line.
     */
    private static final Set<String> HIDDEN = Set.of("user.tool_confirmation", "quest.message_queued",
            "quest.queued_message_changed", "quest.queued_message_delivered", "span.model_request_start",
            "span.model_request_end", "agent.content_block_delta", "quest.tool_progress", "quest.checkpoint");

    /** What a batch brings: journal entries, or a live piece (a streaming delta, a running tool's output). */
    sealed interface Item {
    }

    record Journaled(List<JournalEntry> entries) implements Item {
    }

    record Live(QuestEvent event) implements Item {
    }

    private final List<TranscriptRow> rows;
    /** Rows whose look changes after they are added (cards, steps, foldable lines), in order. */
    private final List<Integer> cards = new ArrayList<>();
    private final Map<String, Integer> cardIndex = new HashMap<>();
    private final ToolSteps tools = new ToolSteps();
    private final LiveText live = new LiveText();
    private final Map<String, String> acceptedSpecs = new HashMap<>();
    /** User messages whose turn has a checkpoint (taken just after the message is journaled). */
    private final Set<String> checkpointed = new HashSet<>();
    /** Setup script runs by their first entry; each is one row however many batches it journals. */
    private final Map<String, SetupRun> setups = new HashMap<>();
    private final TurnChanges turnChanges = new TurnChanges();
    private String lastUserMessage;
    private final TurnTodos todos = new TurnTodos();
    private String openSetup;
    /** Steps shown the other way than the default; other foldable rows shown expanded. */
    private final Set<String> toggled = new HashSet<>();
    private String questId;
    private boolean stepsExpanded;
    private boolean streamingShown;
    private List<String> pending = List.of();
    private QuestStatus status = QuestStatus.INITIAL;
    private long lastSeq;

    /** @param rows the list to fill (the view's observable list); only this class changes it */
    Transcript(List<TranscriptRow> rows) {
        this.rows = rows;
    }

    QuestStatus status() {
        return status;
    }

    boolean stepsExpanded() {
        return stepsExpanded;
    }

    /** Starts over with a page of the journal; {@code status} is the quest's status once event {@code statusSeq} was in. */
    void reset(String questId, List<JournalEntry> page, QuestStatus status, long statusSeq) {
        this.questId = questId;
        cards.clear();
        cardIndex.clear();
        tools.clear();
        acceptedSpecs.clear();
        checkpointed.clear();
        setups.clear();
        lastUserMessage = null;
        todos.clear();
        openSetup = null;
        toggled.clear();
        streamingShown = false;
        pending = List.of();
        this.status = status == null ? QuestStatus.INITIAL : status;
        lastSeq = 0;
        List<TranscriptRow> fresh = new ArrayList<>(page.size());
        collect(page, statusSeq, fresh, 0);
        live.reset(LiveText.modelBusy(page)); // after the page: its events are history, not the live stream
        refreshCards(fresh); // before the list sees them: one change for the whole page
        if (rows instanceof javafx.collections.ObservableList<TranscriptRow> observable) {
            observable.setAll(fresh); // one change, not a clear and an add
        } else {
            rows.clear();
            rows.addAll(fresh);
        }
    }

    /** Adds the entries newer than the last one shown, in one list change. */
    void append(List<JournalEntry> entries) {
        apply(List.of(new Journaled(entries)));
    }

    /** Takes in a batch in arrival order: consecutive deltas become one update of the streaming bubble. */
    void apply(List<? extends Item> batch) {
        List<TranscriptRow> added = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        boolean journaled = false;
        for (Item item : batch) {
            if (item instanceof Journaled entries) {
                journaled = true;
                collect(entries.entries(), -1, added, base());
            } else if (item instanceof Live piece) {
                if (piece.event() instanceof QuestEvent.AgentContentBlockDelta delta) {
                    live.delta(delta);
                } else if (piece.event() instanceof QuestEvent.ToolProgress progress
                        && tools.progressed(progress, true)) {
                    touched.add(progress.toolUseId());
                }
            }
        }
        if (!added.isEmpty()) {
            rows.addAll(base(), added);
        }
        if (journaled) {
            refreshCards(rows);
        } else {
            touched.forEach(this::refresh);
        }
        showStreaming();
    }

    void clear() {
        reset(null, List.of(), QuestStatus.INITIAL, 0);
    }

    /** Opens or closes one step, hook line or compacted divider. */
    void toggle(String entryId) {
        Integer index = cardIndex.get(entryId);
        if (index != null && !toggled.remove(entryId)) {
            toggled.add(entryId);
        }
        if (index != null) {
            refresh(entryId);
        }
    }

    /** Whether tool steps start expanded; steps opened or closed by hand follow the new default again. */
    void setStepsExpanded(boolean expanded) {
        if (expanded == stepsExpanded) {
            return;
        }
        stepsExpanded = expanded;
        toggled.removeIf(tools::knows);
        refreshCards(rows);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Where journal rows end: the streaming bubble, when shown, stays after them. */
    private int base() {
        return rows.size() - (streamingShown ? 1 : 0);
    }

    private void collect(List<JournalEntry> entries, long statusSeq, List<TranscriptRow> out, int firstIndex) {
        for (JournalEntry entry : entries) {
            if (entry.seq() <= lastSeq) {
                continue; // already shown: the page and the live feed overlap
            }
            lastSeq = entry.seq();
            TranscriptRow row;
            try {
                absorb(entry, entry.seq() > statusSeq);
                row = rowFor(entry);
            } catch (RuntimeException e) { // an event this version reads badly must not stop the transcript
                row = new TranscriptRow.Note(entry, entry.type(), true);
            }
            if (row instanceof TranscriptRow.Spec spec && replacesItsMessage(spec, out, firstIndex)) {
                continue;
            }
            if (row != null) {
                if (changesLater(row)) {
                    cards.add(firstIndex + out.size());
                    cardIndex.put(entry.id(), firstIndex + out.size());
                }
                out.add(row);
            }
        }
    }

    /** Whether a row's look can change after it is added: cards, steps, foldable lines, the user's messages. */
    private static boolean changesLater(TranscriptRow row) {
        return row instanceof TranscriptRow.Message message ? message.fromUser()
                : !(row instanceof TranscriptRow.Note || row instanceof TranscriptRow.Worktree
                || row instanceof TranscriptRow.Reverted || row instanceof TranscriptRow.Changes);
    }

    /**
     * A spec is the agent's last message, journaled again as a proposal: the card takes the message's place
     * instead of showing the same text twice. Returns whether it did.
     */
    private boolean replacesItsMessage(TranscriptRow.Spec spec, List<TranscriptRow> out, int firstIndex) {
        boolean inBatch = !out.isEmpty();
        // Before this batch only when appending: while a page is built, rows still holds the old quest.
        if (!inBatch && (firstIndex != base() || base() == 0)) {
            return false;
        }
        List<TranscriptRow> list = inBatch ? out : rows;
        int last = inBatch ? out.size() - 1 : base() - 1;
        if (!(list.get(last) instanceof TranscriptRow.Message message) || message.fromUser()
                || !message.text().strip().equals(spec.markdown().strip())) {
            return false;
        }
        list.set(last, spec);
        int index = (inBatch ? firstIndex : 0) + last;
        cards.add(index);
        cardIndex.put(spec.entry().id(), index);
        return true;
    }

    private void absorb(JournalEntry entry, boolean foldStatus) {
        QuestEvent event = entry.event();
        if (foldStatus) {
            status = status.next(event);
        }
        live.journaled(event);
        if (event instanceof QuestEvent.SessionStatusIdle idle && idle.requiresAction()) {
            pending = idle.stopReason().eventIds() == null ? List.of() : idle.stopReason().eventIds();
        } else if (event instanceof QuestEvent.UserToolConfirmation answer) {
            tools.answered(answer);
        } else if (event instanceof QuestEvent.SpecAccepted accepted) {
            acceptedSpecs.put(accepted.specEventId(), accepted.action());
        } else if (event instanceof QuestEvent.SubagentEvent child) {
            tools.child(entry, child);
        } else if (event instanceof QuestEvent.AgentToolUse use) {
            tools.started(entry, use);
            turnChanges.started(entry.id(), use);
        } else if (event instanceof QuestEvent.ToolProgress progress) {
            tools.progressed(progress, false);
        } else if (event instanceof QuestEvent.AgentToolResult result) {
            tools.finished(result);
            turnChanges.finished(result);
        } else if (event instanceof QuestEvent.UserMessage) {
            lastUserMessage = entry.id();
            todos.turnStarted();
        } else if (event instanceof QuestEvent.TodoUpdated todo) {
            todos.updated(entry, todo);
        } else if (event instanceof QuestEvent.Checkpoint && lastUserMessage != null) {
            checkpointed.add(lastUserMessage); // the hook records the files right after the message is journaled
        } else if (event instanceof QuestEvent.SetupOutput output) {
            SetupRun run = openSetup == null ? null : setups.get(openSetup);
            if (run == null) {
                run = new SetupRun();
                setups.put(entry.id(), run);
                openSetup = entry.id();
            }
            run.add(output);
            if (output.exitCode() != null) {
                openSetup = null; // a later run (the worktree made again) gets a row of its own
            }
        }
    }

    /** The row an entry starts as; null for entries shown elsewhere. */
    private TranscriptRow rowFor(JournalEntry entry) {
        QuestEvent event = entry.event();
        if (HIDDEN.contains(event.type())) {
            return null;
        }
        if (event instanceof QuestEvent.UserMessage message) {
            return new TranscriptRow.Message(entry, true, ContentBlock.plainText(message.content()));
        }
        if (event instanceof QuestEvent.AgentMessage message) {
            return new TranscriptRow.Message(entry, false, ContentBlock.plainText(message.content()));
        }
        if (event instanceof QuestEvent.AgentToolUse || event instanceof QuestEvent.SubagentEvent
                && tools.knows(entry.id())) {
            return tools.row(entry.id(), status, pending, stepsExpanded);
        }
        if (event instanceof QuestEvent.AgentToolResult result && tools.knows(result.toolUseId())) {
            return null; // shown in its step
        }
        if (event instanceof QuestEvent.AgentThinking thinking) {
            return new TranscriptRow.Thinking(entry, text(thinking.text()).strip(), false);
        }
        if (event instanceof QuestEvent.TodoUpdated) {
            // Later lists of the turn update its checklist in place (refreshed with the other cards).
            return todos.row(entry);
        }
        if (event instanceof QuestEvent.HookRan hook) {
            return new TranscriptRow.HookRun(entry, text(hook.hookEvent()), text(hook.command()),
                    text(hook.outcome()), hook.exitCode(), text(hook.output()), hook.durationMs(), false);
        }
        if (event instanceof QuestEvent.WorktreeCreated created) {
            return new TranscriptRow.Worktree(entry, text(created.branch()), created.baseBranch(),
                    created.baseCommit(), text(created.path()), created.includedUncommitted());
        }
        if (event instanceof QuestEvent.SetupOutput) {
            SetupRun run = setups.get(entry.id());
            return run == null ? null : run.row(entry, status, false); // later batches grow the first one's row
        }
        if (event instanceof QuestEvent.Reverted reverted) {
            return new TranscriptRow.Reverted(entry, reverted.turn(), reverted.safetyCommit());
        }
        if (event instanceof QuestEvent.Compacted compacted) {
            return new TranscriptRow.Compacted(entry, text(compacted.summary()), compacted.tokensBefore(),
                    compacted.tokensAfter(), false);
        }
        if (event instanceof QuestEvent.SessionError error) {
            String message = error.error() == null || error.error().message() == null ? "The turn failed."
                    : error.error().message();
            return new TranscriptRow.Notice(entry, NoticeKind.ERROR, message, false);
        }
        if (event instanceof QuestEvent.Interrupted interrupted) {
            return new TranscriptRow.Notice(entry, NoticeKind.INTERRUPTED, interrupted.reason() == null
                    ? "Questbench stopped while this quest was running." : interrupted.reason(), false);
        }
        if (event instanceof QuestEvent.SessionStatusIdle idle && idle.stopReason() != null
                && QuestEvent.SessionStatusIdle.StopReason.STOPPED.equals(idle.stopReason().type())) {
            return new TranscriptRow.Notice(entry, NoticeKind.STOPPED, "Stopped", false);
        }
        if (event instanceof QuestEvent.SessionStatusIdle idle && !idle.requiresAction()) {
            List<String> changed = turnChanges.endTurn();
            if (!changed.isEmpty()) {
                return new TranscriptRow.Changes(entry, changed);
            }
        }
        if (event instanceof QuestEvent.SpecProposed spec) {
            return new TranscriptRow.Spec(entry, spec.markdown() == null ? "" : spec.markdown(),
                    spec.tasks() == null ? List.of() : spec.tasks(), null, false);
        }
        return new TranscriptRow.Note(entry, EntryText.text(event), !EntryText.isStatus(event));
    }

    /** Recomputes each card's state from what is known now and replaces the rows that changed. */
    private void refreshCards(List<TranscriptRow> target) {
        int lastError = lastCard(target, NoticeKind.ERROR);
        int lastInterruption = lastCard(target, NoticeKind.INTERRUPTED);
        int lastSpec = -1;
        for (int index : cards) {
            lastSpec = target.get(index) instanceof TranscriptRow.Spec ? index : lastSpec;
        }
        for (int index : cards) {
            TranscriptRow row = target.get(index);
            TranscriptRow next = row;
            if (row instanceof TranscriptRow.Notice notice) {
                boolean open = notice.kind() == NoticeKind.ERROR ? index == lastError && status == QuestStatus.ERROR
                        : notice.kind() == NoticeKind.INTERRUPTED
                        && index == lastInterruption && status == QuestStatus.INTERRUPTED;
                next = new TranscriptRow.Notice(notice.entry(), notice.kind(), notice.text(), open);
            } else if (row instanceof TranscriptRow.Spec spec) {
                String accepted = acceptedSpecs.get(spec.entry().id());
                boolean open = accepted == null && index == lastSpec && status == QuestStatus.ACTION_REQUIRED;
                next = new TranscriptRow.Spec(spec.entry(), spec.markdown(), spec.tasks(), accepted, open);
            } else {
                next = current(row);
            }
            if (!next.equals(row)) {
                target.set(index, next);
            }
        }
    }

    /** Replaces one row (a step, a hook line, a divider) with how it looks now. */
    private void refresh(String entryId) {
        Integer index = cardIndex.get(entryId);
        if (index == null || index >= base()) {
            return;
        }
        TranscriptRow row = rows.get(index);
        TranscriptRow next = current(row);
        if (!next.equals(row)) {
            rows.set(index, next);
        }
    }

    /** How a tool row, hook line or divider looks now; other rows as they are. */
    private TranscriptRow current(TranscriptRow row) {
        String id = row.entry().id();
        if (tools.knows(id)) {
            return tools.row(id, status, pending, stepsExpanded != toggled.contains(id));
        }
        if (row instanceof TranscriptRow.HookRun hook) {
            return new TranscriptRow.HookRun(hook.entry(), hook.hookEvent(), hook.command(), hook.outcome(),
                    hook.exitCode(), hook.output(), hook.durationMs(), toggled.contains(id));
        }
        if (row instanceof TranscriptRow.Thinking thinking) {
            return new TranscriptRow.Thinking(thinking.entry(), thinking.text(), toggled.contains(id));
        }
        if (row instanceof TranscriptRow.Todos checklist) {
            return todos.current(checklist);
        }
        if (row instanceof TranscriptRow.Compacted divider) {
            return new TranscriptRow.Compacted(divider.entry(), divider.summary(), divider.tokensBefore(),
                    divider.tokensAfter(), toggled.contains(id));
        }
        if (row instanceof TranscriptRow.Setup && setups.containsKey(id)) {
            return setups.get(id).row(row.entry(), status, toggled.contains(id));
        }
        if (row instanceof TranscriptRow.Message message && message.fromUser()) {
            return new TranscriptRow.Message(message.entry(), true, message.text(), checkpointed.contains(id));
        }
        return row;
    }

    /** Adds, replaces or removes the streaming bubble at the end, as the live text now stands. */
    private void showStreaming() {
        boolean shown = live.shown() && questId != null;
        if (shown && streamingShown) {
            TranscriptRow next = live.row(questId);
            if (!next.equals(rows.get(rows.size() - 1))) {
                rows.set(rows.size() - 1, next);
            }
        } else if (shown) {
            rows.add(live.row(questId));
        } else if (streamingShown) {
            rows.remove(rows.size() - 1);
        }
        streamingShown = shown;
    }

    private int lastCard(List<TranscriptRow> target, NoticeKind kind) {
        int last = -1;
        for (int index : cards) {
            if (target.get(index) instanceof TranscriptRow.Notice notice && notice.kind() == kind) {
                last = index;
            }
        }
        return last;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
