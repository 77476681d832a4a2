package dev.questbench.engine.schedule;

import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.domain.schedule.ScheduleRule;
import dev.questbench.domain.schedule.ScheduleRun;
import dev.questbench.engine.Notification;
import dev.questbench.engine.Notifier;
import dev.questbench.engine.QuestExecutor;
import dev.questbench.store.QuestChange;
import dev.questbench.store.ScheduleRepository;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs schedules: at each due time it records a Running run and starts a quest from the schedule (or sends the
 * prompt to the quest it continues) through the {@link QuestExecutor}, then follows that quest to mark the run
 * Success or Failed. Also Run Now, enable/disable, create/update/delete and the run history.
 *
 * <p>Timing: {@link #tick(Instant)} does the work; a timer calls it every {@link #DEFAULT_TICK} with the injected
 * {@link Clock} (tests pass no timer and call it themselves). The next due time is always computed from the
 * rule ({@link ScheduleCalculator}), never by adding a period to "now", so runs do not drift.
 *
 * <p>Missed runs: a due time more than {@link #LATE_GRACE} in the past was missed (Questbench was closed, or
 * the computer slept). However many slots a schedule missed, it gets one Missed entry and one
 * {@code MISSED_SCHEDULE} notification; missed slots are not run (the user has Run Now) and the schedule goes
 * on with its next future slot. A slot that is late by less than the grace still runs, so a restart at
 * 09:00:30 does not lose the 09:00 run.
 *
 * <p>Following runs: the scheduler listens to quest changes (only for quests with a Running run) and reads
 * the outcome from the journal ({@link RunOutcome}); each tick re-checks Running runs as a safety net (and to
 * finish goal-mode waits). Runs that were Running when the app closed are picked up again at start. A run
 * waiting for an approval stays Running: a scheduled quest asks like any other (permission mode Default).
 *
 * <p>Overlap: a new slot starts a new quest even if the previous run still works (the executor's admission
 * queue bounds concurrency); for a continued quest the prompt waits as a queued message.
 *
 * <p>Threads: public methods are thread-safe and may block on the store (call them off the FX thread); change
 * listeners are called on the scheduler's own thread. Wire it after {@link QuestExecutor#start()} and close it
 * before the executor.
 */
public final class Scheduler implements AutoCloseable {
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(5);
    /** How late a due time may be and still run; later ones are Missed. */
    public static final Duration LATE_GRACE = Duration.ofMinutes(2);
    /** Missed slots are counted up to this many for the message. */
    static final int MISSED_COUNT_LIMIT = 1_000;
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    private final Store store;
    private final ScheduleRepository schedules;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration tickEvery;
    private final ScheduledExecutorService thread;
    private final RunFollower follower;
    private final RunLauncher launcher;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private Subscription questChanges;
    private boolean started;
    private boolean closed;

    /** The production scheduler: system clock, ticking every {@link #DEFAULT_TICK}. */
    public Scheduler(Store store, QuestExecutor executor, Notifier notifier) {
        this(store, executor, notifier, Clock.systemDefaultZone(), DEFAULT_TICK);
    }

    /**
     * @param tickEvery how often the timer calls {@link #tick()}; null or zero for no timer (tests call
     *                  {@link #tick(Instant)} themselves)
     */
    public Scheduler(Store store, QuestExecutor executor, Notifier notifier, Clock clock, Duration tickEvery) {
        this.store = store;
        this.schedules = store.schedules();
        this.notifier = notifier == null ? Notifier.NONE : notifier;
        this.clock = clock;
        this.tickEvery = tickEvery == null || tickEvery.isZero() || tickEvery.isNegative() ? null : tickEvery;
        this.follower = new RunFollower(store, schedules);
        this.launcher = new RunLauncher(store, schedules, executor, follower);
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "questbench-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Catches up with the time the app was closed (runs that finished meanwhile are settled; due times that
     * passed are recorded as Missed, once per schedule, with a notification), then follows quests and starts
     * the timer.
     */
    public void start() {
        synchronized (this) {
            if (started || closed) {
                return;
            }
            started = true;
            follower.resume();
        }
        questChanges = store.quests().subscribe(this::onQuestChange);
        tick(clock.instant());
        if (tickEvery != null) {
            long millis = tickEvery.toMillis();
            thread.scheduleWithFixedDelay(this::tickQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    // ---- timing -------------------------------------------------------------------------------------

    /** One step at the clock's time. */
    public void tick() {
        tick(clock.instant());
    }

    /** Fires every due schedule and re-checks running runs, as of {@code now}. */
    public void tick(Instant now) {
        List<String> changed = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            for (Schedule schedule : schedules.due(now)) {
                try {
                    fire(schedule, now);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "schedule " + schedule.id() + " could not fire", e);
                }
                changed.add(schedule.id());
            }
            for (ScheduleRun run : schedules.running()) {
                if (follower.follow(run, now)) {
                    changed.add(run.scheduleId());
                }
            }
        }
        changed.stream().distinct().forEach(this::fireChanged);
    }

    // ---- commands -----------------------------------------------------------------------------------

    /** Saves a new schedule from the form; throws {@link IllegalArgumentException} with a message for the form. */
    public Schedule create(ScheduleDraft draft) {
        Instant now = clock.instant();
        check(draft, now);
        Schedule schedule;
        synchronized (this) {
            Schedule fresh = Schedule.create(draft, now);
            schedule = schedules.save(fresh.withNextRunAt(nextRun(fresh, now)));
        }
        fireChanged(schedule.id());
        return schedule;
    }

    /**
     * Creates a schedule from a composer command ({@code /schedule every day at 9 run the tests}); the template
     * supplies workspace, model, goal and the quest to continue. Throws {@link IllegalArgumentException} with
     * the parser's message when the time phrase cannot be read.
     */
    public Schedule createFromCommand(String text, ScheduleDraft template) {
        ScheduleCommandParser.Result result = ScheduleCommandParser.parse(text,
                ZonedDateTime.ofInstant(clock.instant(), template.zone()));
        if (result instanceof ScheduleCommandParser.Rejected rejected) {
            throw new IllegalArgumentException(rejected.message());
        }
        ScheduleCommandParser.Parsed parsed = (ScheduleCommandParser.Parsed) result;
        return create(new ScheduleDraft(template.name(), parsed.rule(), parsed.instructions(),
                template.workspaceId(), template.model(), template.goal(), template.continueQuestId(), true,
                template.zone()));
    }

    /** Replaces the schedule's fields with the form's; the next run is computed afresh from now. */
    public Schedule update(String scheduleId, ScheduleDraft draft) {
        Instant now = clock.instant();
        check(draft, now);
        Schedule schedule;
        synchronized (this) {
            Schedule edited = require(scheduleId).edit(draft, now);
            schedule = schedules.save(edited.withNextRunAt(nextRun(edited, now)));
        }
        fireChanged(scheduleId);
        return schedule;
    }

    /** Turns the schedule on (from its next future slot; nothing missed while off is recorded) or off. */
    public Schedule setEnabled(String scheduleId, boolean enabled) {
        Instant now = clock.instant();
        Schedule schedule;
        synchronized (this) {
            Schedule current = require(scheduleId);
            if (enabled && current.rule() instanceof ScheduleRule.OneTime
                    && ScheduleCalculator.next(current.rule(), current.zone(), now).isEmpty()) {
                throw new IllegalArgumentException("The time of this one-time schedule has passed. Edit it to pick "
                        + "a new time, or use Run Now.");
            }
            Schedule toggled = current.withEnabled(enabled, now);
            schedule = schedules.save(toggled.withNextRunAt(nextRun(toggled, now)));
        }
        fireChanged(scheduleId);
        return schedule;
    }

    /** Deletes the schedule and its run history; quests it started stay. */
    public void delete(String scheduleId) {
        synchronized (this) {
            schedules.delete(scheduleId);
        }
        fireChanged(scheduleId);
    }

    /**
     * Runs the schedule now, whether enabled or not, without moving its next due time (a one-time schedule
     * stays planned). Returns the run as recorded: Running, or Failed if the quest could not start.
     */
    public ScheduleRun runNow(String scheduleId) {
        Instant now = clock.instant();
        ScheduleRun run;
        synchronized (this) {
            requireOpen();
            Schedule schedule = require(scheduleId);
            run = launcher.prepare(schedule, now, now);
            schedules.addRun(run);
            run = launcher.launch(schedule, run, now);
        }
        fireChanged(scheduleId);
        return run;
    }

    // ---- queries ------------------------------------------------------------------------------------

    public List<Schedule> list() {
        return schedules.list();
    }

    public Optional<Schedule> get(String scheduleId) {
        return schedules.get(scheduleId);
    }

    /** The schedule's history, newest first; {@code limit} 0 for all. */
    public List<ScheduleRun> runs(String scheduleId, int limit) {
        return schedules.runs(scheduleId, limit);
    }

    /** Schedules that continue this quest (the quest's Summary lists them; its list row shows a clock). */
    public List<Schedule> continuing(String questId) {
        return schedules.continuing(questId);
    }

    /** The runs that started or continued this quest, newest first ("Started by schedule …"). */
    public List<ScheduleRun> runsOfQuest(String questId) {
        return schedules.runsOfQuest(questId);
    }

    /** The next {@code count} run times of a rule from now, in its zone, for the form's preview. */
    public List<ZonedDateTime> preview(ScheduleRule rule, ZoneId zone, int count) {
        ScheduleCalculator.validate(rule, zone);
        return ScheduleCalculator.preview(rule, zone, clock.instant(), count);
    }

    /** Calls the listener with a schedule id whenever that schedule or its history changes, on the scheduler thread. */
    public Subscription subscribe(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Stops the timer and stops following quests; running quests go on. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (questChanges != null) {
            questChanges.close();
        }
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- firing and following ----------------------------------------------------------------------

    /** Takes every due slot of one schedule: runs the latest one if it is not too late, records the rest as Missed. */
    private void fire(Schedule schedule, Instant now) {
        DueSlots due = DueSlots.of(schedule, now, LATE_GRACE, MISSED_COUNT_LIMIT);
        List<ScheduleRun> records = new ArrayList<>();
        String missedMessage = null;
        if (!due.missed().isEmpty()) {
            missedMessage = MissedRuns.message(schedule, due.missed(), MISSED_COUNT_LIMIT);
            records.add(ScheduleRun.missed(schedule.id(), due.missed().get(0), now, missedMessage));
        }
        ScheduleRun run = due.toRun() == null ? null : launcher.prepare(schedule, due.toRun(), now);
        if (run != null) {
            records.add(run);
        }
        schedules.saveWithRuns(due.advanced(), records); // one transaction: a slot is taken exactly once
        if (run != null) {
            launcher.launch(schedule, run, now);
        }
        if (missedMessage != null) {
            notifier.notify(new Notification(Notification.Kind.MISSED_SCHEDULE, schedule.continueQuestId(),
                    schedule.name(), missedMessage));
        }
    }

    private void onQuestChange(QuestChange change) {
        if (!follower.isFollowing(change.questId())) {
            return;
        }
        boolean relevant = change instanceof QuestChange.Deleted || (change instanceof QuestChange.Upserted upserted
                && RunFollower.SETTLING.contains(upserted.summary().status()));
        if (relevant) {
            try {
                thread.execute(() -> followQuest(change.questId()));
            } catch (RejectedExecutionException e) {
                // closed: the next start picks the run up again
            }
        }
    }

    private void followQuest(String questId) {
        List<String> changed = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            Instant now = clock.instant();
            for (ScheduleRun run : schedules.running()) {
                if (questId.equals(run.questId()) && follower.follow(run, now)) {
                    changed.add(run.scheduleId());
                }
            }
        }
        changed.stream().distinct().forEach(this::fireChanged);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private void check(ScheduleDraft draft, Instant now) {
        if (draft.rule() == null) {
            throw new IllegalArgumentException("Choose when the schedule runs.");
        }
        if (draft.prompt() == null || draft.prompt().isBlank()) {
            throw new IllegalArgumentException("Write the instructions the quest should follow when it runs.");
        }
        ScheduleCalculator.validate(draft.rule(), draft.zone());
        if (draft.enabled() && draft.rule() instanceof ScheduleRule.OneTime oneTime
                && ScheduleCalculator.next(draft.rule(), draft.zone(), now).isEmpty()) {
            throw new IllegalArgumentException(ScheduleDescription.of(oneTime).replace("Once on ", "")
                    + " has already passed. Pick a time in the future.");
        }
        if (draft.workspaceId() != null && store.workspaces().get(draft.workspaceId()).isEmpty()) {
            throw new IllegalArgumentException("That workspace is no longer open in Questbench. Pick another one, "
                    + "or none.");
        }
        if (draft.continueQuestId() != null && store.quests().summary(draft.continueQuestId()).isEmpty()) {
            throw new IllegalArgumentException("The quest to continue no longer exists. Start a new quest on each "
                    + "run instead.");
        }
    }

    private static Instant nextRun(Schedule schedule, Instant now) {
        return schedule.enabled() ? ScheduleCalculator.next(schedule.rule(), schedule.zone(), now).orElse(null) : null;
    }

    private Schedule require(String scheduleId) {
        return schedules.get(scheduleId).orElseThrow(() -> new IllegalArgumentException(
                "The schedule " + scheduleId + " no longer exists; it may have been deleted."));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The scheduler is closed.");
        }
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A failing store must not kill the timer; the next tick tries again.
            LOG.log(Level.WARNING, "schedule tick failed", e);
        }
    }

    private void fireChanged(String scheduleId) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            thread.execute(() -> listeners.forEach(listener -> {
                try {
                    listener.accept(scheduleId);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "schedule listener failed", e);
                }
            }));
        } catch (RejectedExecutionException e) {
            // closed: nobody needs to hear about it any more
        }
    }
}
