package dev.questbench.engine.schedule;

import dev.questbench.domain.Ids;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestEnvironment;
import dev.questbench.domain.QuestMode;
import dev.questbench.domain.QuestOptions;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.schedule.RunState;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleRun;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.ScheduleRepository;
import dev.questbench.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts runs: the run is recorded first (Running, with the quest id and the journal baseline its outcome is
 * read after), then the quest is created through {@link QuestExecutor#create} or, for a schedule that
 * continues a quest, the prompt goes to {@link QuestExecutor#send}. If the app dies in between, the run's
 * quest is missing at the next start and the run is marked Failed.
 */
final class RunLauncher {
    private static final Logger LOG = Logger.getLogger(RunLauncher.class.getName());

    private final Store store;
    private final ScheduleRepository schedules;
    private final QuestExecutor executor;
    private final RunFollower follower;

    RunLauncher(Store store, ScheduleRepository schedules, QuestExecutor executor, RunFollower follower) {
        this.store = store;
        this.schedules = schedules;
        this.executor = executor;
        this.follower = follower;
    }

    /** The record for starting the schedule now: Running with its quest, or Failed if it cannot start. */
    ScheduleRun prepare(Schedule schedule, Instant scheduledFor, Instant now) {
        String questId = schedule.continueQuestId();
        if (questId == null) {
            return ScheduleRun.running(schedule.id(), scheduledFor, now, Ids.quest(), 0);
        }
        if (store.quests().summary(questId).isEmpty()) {
            return ScheduleRun.failedToStart(schedule.id(), scheduledFor, now, "The quest this schedule continues "
                    + "no longer exists. Edit the schedule to start a new quest on each run, or delete it.");
        }
        List<JournalEntry> last = store.journal().readLast(questId, 1);
        return ScheduleRun.running(schedule.id(), scheduledFor, now, questId, last.isEmpty() ? 0 : last.get(0).seq());
    }

    /** Starts the quest of a recorded Running run; returns the run, marked Failed if the executor refused. */
    ScheduleRun launch(Schedule schedule, ScheduleRun run, Instant now) {
        if (run.state() != RunState.RUNNING) {
            return run;
        }
        follower.track(run.questId());
        try {
            if (schedule.continueQuestId() != null) {
                executor.send(run.questId(), schedule.prompt());
            } else {
                executor.create(questFor(schedule, run.questId(), now));
            }
            return run;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "schedule " + schedule.id() + " could not start its quest", e);
            ScheduleRun failed = run.finish(RunState.FAILED, "The quest could not start: " + e.getMessage(), now);
            follower.settle(failed);
            return failed;
        }
    }

    /** The quest a run starts: the schedule's prompt, workspace and model; in goal mode the prompt is the goal. */
    static Quest questFor(Schedule schedule, String questId, Instant now) {
        QuestOptions options = new QuestOptions(false, schedule.goal() ? schedule.prompt() : null,
                PermissionMode.DEFAULT);
        // Unread: nobody watched it start, so it should catch the eye on the board.
        return new Quest(questId, schedule.name(), schedule.prompt(), schedule.workspaceId(), Quest.BUILTIN_BACKEND,
                schedule.model(), QuestMode.AGENT, QuestEnvironment.LOCAL, options, false, false, false, now, now);
    }
}
