package dev.questbench.engine.schedule;

import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.schedule.RunState;
import dev.questbench.domain.schedule.ScheduleRun;
import dev.questbench.store.ScheduleRepository;
import dev.questbench.store.Store;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows Running runs to their end: reads the outcome from the quest's journal ({@link RunOutcome}) when the
 * quest is Ready or in Error, and saves it. Not thread-safe except {@link #isFollowing}; the scheduler calls
 * it under its lock.
 */
final class RunFollower {
    /** Statuses in which a run may be over; in any other the quest is still working or waits for the user. */
    static final Set<QuestStatus> SETTLING = Set.of(QuestStatus.READY, QuestStatus.ERROR);

    private final Store store;
    private final ScheduleRepository schedules;
    /** Quests with a Running run, so quest changes for other quests are ignored without a lookup. */
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    /** When a {@link RunOutcome.Waiting} was first seen, by run id and the event it waits after. */
    private final Map<String, Instant> waitingSince = new HashMap<>();

    RunFollower(Store store, ScheduleRepository schedules) {
        this.store = store;
        this.schedules = schedules;
    }

    /** Starts following the quests of runs that were Running when the app last stopped. */
    void resume() {
        schedules.running().stream().map(ScheduleRun::questId).filter(id -> id != null).forEach(followed::add);
    }

    void track(String questId) {
        followed.add(questId);
    }

    /** Whether a quest has a Running run; safe from any thread. */
    boolean isFollowing(String questId) {
        return followed.contains(questId);
    }

    /** Settles the run if its quest's journal says it is over; true if it did. */
    boolean follow(ScheduleRun run, Instant now) {
        Optional<QuestSummary> summary = run.questId() == null ? Optional.empty()
                : store.quests().summary(run.questId());
        if (summary.isEmpty()) {
            settle(run.finish(RunState.FAILED, "The quest was deleted, or Questbench stopped before it started.", now));
            return true;
        }
        QuestStatus status = summary.get().status();
        if (!SETTLING.contains(status)) {
            return false;
        }
        List<JournalEntry> entries = store.journal().readByType(run.questId(), RunOutcome.TYPES, 0).stream()
                .filter(entry -> entry.seq() > run.afterSeq()).toList();
        boolean goalMode = summary.get().quest().options().goal() != null;
        RunOutcome.Verdict verdict = RunOutcome.of(entries, goalMode, status);
        if (verdict instanceof RunOutcome.Settled settled) {
            settle(run.finish(settled.state(), settled.message(), settled.at()));
            return true;
        }
        if (verdict instanceof RunOutcome.Waiting waiting) {
            Instant since = waitingSince.computeIfAbsent(run.id() + "@" + waiting.since(), key -> now);
            if (!now.isBefore(since.plus(waiting.grace()))) {
                settle(run.finish(waiting.state(), waiting.message(), now));
                return true;
            }
        }
        return false;
    }

    /** Saves a finished run and stops following its quest unless another run still uses it. */
    void settle(ScheduleRun finished) {
        schedules.updateRun(finished);
        waitingSince.keySet().removeIf(key -> key.startsWith(finished.id() + "@"));
        String questId = finished.questId();
        if (questId != null && schedules.running().stream().noneMatch(run -> questId.equals(run.questId()))) {
            followed.remove(questId);
        }
    }
}
