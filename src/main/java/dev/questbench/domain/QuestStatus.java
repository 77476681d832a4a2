package dev.questbench.domain;

import dev.questbench.domain.event.QuestEvent;

/**
 * Where a quest stands. Never stored on its own: {@link #derive} folds the quest's events, and the
 * store keeps the fold's latest value beside the journal in the same transaction.
 */
public enum QuestStatus {
    QUEUED("Queued", BoardColumn.RUNNING),
    RUNNING("Running", BoardColumn.RUNNING),
    ACTION_REQUIRED("Action Required", BoardColumn.WAITING),
    READY("Ready", BoardColumn.COMPLETED),
    ERROR("Error", BoardColumn.WAITING),
    PAUSED("Paused", BoardColumn.WAITING),
    INTERRUPTED("Interrupted", BoardColumn.WAITING),
    SCHEDULED("Scheduled", BoardColumn.WAITING);

    /** The status of a quest with no events yet. */
    public static final QuestStatus INITIAL = READY;

    private final String label;
    private final BoardColumn column;

    QuestStatus(String label, BoardColumn column) {
        this.label = label;
        this.column = column;
    }

    public String label() {
        return label;
    }

    public BoardColumn column() {
        return column;
    }

    /** True while a turn is admitted or under way, which is what crash recovery looks for. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }

    /** The status after all these events, in journal order. */
    public static QuestStatus derive(Iterable<? extends QuestEvent> events) {
        QuestStatus status = INITIAL;
        for (QuestEvent event : events) {
            status = status.next(event);
        }
        return status;
    }

    /** The status after one more event: a pure step of {@link #derive}. */
    public QuestStatus next(QuestEvent event) {
        switch (event.type()) {
            case "user.message":
                // A message while a turn runs is a queued follow-up; otherwise it waits for a worker.
                return this == RUNNING || this == ACTION_REQUIRED ? this : QUEUED;
            case "user.tool_confirmation":
                // Several tool uses may wait; the turn continues (session.status_running) once all are answered.
                return this;
            case "session.status_running":
                return RUNNING;
            case "session.status_idle":
                // An Unknown may carry a known type name (built by hand or relayed); it must not break the fold.
                return event instanceof QuestEvent.SessionStatusIdle idle ? idle(idle) : this;
            case "session.error":
                return ERROR;
            case "quest.paused":
                return PAUSED;
            case "quest.resumed":
                return this == PAUSED || this == INTERRUPTED || this == ERROR ? QUEUED : this;
            case "quest.interrupted":
                return INTERRUPTED;
            case "quest.scheduled_run":
                return this == RUNNING ? this : SCHEDULED;
            default:
                // Agent output implies a turn is under way once a worker has picked the quest up.
                if (this == QUEUED && (event.type().startsWith("agent.") || event.type().startsWith("span."))) {
                    return RUNNING;
                }
                return this;
        }
    }

    private QuestStatus idle(QuestEvent.SessionStatusIdle idle) {
        // A proposed spec or a pending approval ends the turn with requires_action.
        if (idle.requiresAction()) {
            return ACTION_REQUIRED;
        }
        boolean stopped = idle.stopReason() != null
                && QuestEvent.SessionStatusIdle.StopReason.STOPPED.equals(idle.stopReason().type());
        // A turn that ends after Pause took effect stays paused; Stop always leaves the quest Ready.
        return this == PAUSED && !stopped ? PAUSED : READY;
    }
}
