package dev.questbench.ui.quest;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.ui.quest.TranscriptRow.NoticeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns journal entries into conversation rows and keeps the cards' open state current: the quest's status is
 * folded from the entries, so a card stops offering its buttons as soon as the event that settles it arrives.
 */
final class Transcript {
    /** Facts shown elsewhere (queued bubbles, answers on their card) or not worth a line (model spans). */
    private static final Set<String> HIDDEN = Set.of("user.tool_confirmation", "quest.message_queued",
            "quest.queued_message_changed", "quest.queued_message_delivered", "span.model_request_start",
            "span.model_request_end", "agent.content_block_delta");

    private final List<TranscriptRow> rows;
    private final List<Integer> cards = new ArrayList<>();
    private final Map<String, TranscriptRow.Answer> answers = new HashMap<>();
    private final Map<String, String> acceptedSpecs = new HashMap<>();
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

    /** Starts over with a page of the journal; {@code status} is the quest's status once event {@code statusSeq} was in. */
    void reset(List<JournalEntry> page, QuestStatus status, long statusSeq) {
        cards.clear();
        answers.clear();
        acceptedSpecs.clear();
        pending = List.of();
        this.status = status == null ? QuestStatus.INITIAL : status;
        lastSeq = 0;
        List<TranscriptRow> fresh = new ArrayList<>(page.size());
        collect(page, statusSeq, fresh, 0);
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
        List<TranscriptRow> added = new ArrayList<>();
        collect(entries, -1, added, rows.size());
        if (!added.isEmpty()) {
            rows.addAll(added);
        }
        refreshCards(rows);
    }

    void clear() {
        reset(List.of(), QuestStatus.INITIAL, 0);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void collect(List<JournalEntry> entries, long statusSeq, List<TranscriptRow> out, int firstIndex) {
        for (JournalEntry entry : entries) {
            if (entry.seq() <= lastSeq) {
                continue; // already shown: the page and the live feed overlap
            }
            lastSeq = entry.seq();
            absorb(entry, entry.seq() > statusSeq);
            TranscriptRow row = rowFor(entry);
            if (row instanceof TranscriptRow.Spec spec && replacesItsMessage(spec, out, firstIndex)) {
                continue;
            }
            if (row != null) {
                if (!(row instanceof TranscriptRow.Message) && !(row instanceof TranscriptRow.Note)) {
                    cards.add(firstIndex + out.size());
                }
                out.add(row);
            }
        }
    }

    /**
     * A spec is the agent's last message, journaled again as a proposal: the card takes the message's place
     * instead of showing the same text twice. Returns whether it did.
     */
    private boolean replacesItsMessage(TranscriptRow.Spec spec, List<TranscriptRow> out, int firstIndex) {
        boolean inBatch = !out.isEmpty();
        // Before this batch only when appending: while a page is built, rows still holds the old quest.
        if (!inBatch && (firstIndex != rows.size() || rows.isEmpty())) {
            return false;
        }
        List<TranscriptRow> list = inBatch ? out : rows;
        int last = list.size() - 1;
        if (!(list.get(last) instanceof TranscriptRow.Message message) || message.fromUser()
                || !message.text().strip().equals(spec.markdown().strip())) {
            return false;
        }
        list.set(last, spec);
        cards.add((inBatch ? firstIndex : 0) + last);
        return true;
    }

    private void absorb(JournalEntry entry, boolean foldStatus) {
        QuestEvent event = entry.event();
        if (foldStatus) {
            status = status.next(event);
        }
        if (event instanceof QuestEvent.SessionStatusIdle idle && idle.requiresAction()) {
            pending = idle.stopReason().eventIds();
        } else if (event instanceof QuestEvent.UserToolConfirmation answer) {
            answers.put(answer.toolUseId(), new TranscriptRow.Answer(answer.result(), answer.alwaysForQuest(),
                    answer.denyMessage()));
        } else if (event instanceof QuestEvent.SpecAccepted accepted) {
            acceptedSpecs.put(accepted.specEventId(), accepted.action());
        }
    }

    private static TranscriptRow rowFor(JournalEntry entry) {
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
        if (event instanceof QuestEvent.AgentToolUse use && use.evaluatedPermission() == Decision.Permission.ASK) {
            return new TranscriptRow.Approval(entry, use.name(), ToolInput.of(use.name(), use.input()), null, false);
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
            if (row instanceof TranscriptRow.Approval approval) {
                String id = approval.entry().id();
                TranscriptRow.Answer answer = answers.get(id);
                boolean open = answer == null && status == QuestStatus.ACTION_REQUIRED && pending.contains(id);
                next = new TranscriptRow.Approval(approval.entry(), approval.tool(), approval.input(), answer, open);
            } else if (row instanceof TranscriptRow.Notice notice) {
                boolean open = notice.kind() == NoticeKind.ERROR ? index == lastError && status == QuestStatus.ERROR
                        : notice.kind() == NoticeKind.INTERRUPTED
                        && index == lastInterruption && status == QuestStatus.INTERRUPTED;
                next = new TranscriptRow.Notice(notice.entry(), notice.kind(), notice.text(), open);
            } else if (row instanceof TranscriptRow.Spec spec) {
                String accepted = acceptedSpecs.get(spec.entry().id());
                boolean open = accepted == null && index == lastSpec && status == QuestStatus.ACTION_REQUIRED;
                next = new TranscriptRow.Spec(spec.entry(), spec.markdown(), spec.tasks(), accepted, open);
            }
            if (!next.equals(row)) {
                target.set(index, next);
            }
        }
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
}
