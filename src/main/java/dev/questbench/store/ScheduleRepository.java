package dev.questbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.questbench.domain.event.EventJson;
import dev.questbench.domain.schedule.RunState;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleRule;
import dev.questbench.domain.schedule.ScheduleRun;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Schedules and their run history (tables {@code schedules}, {@code schedule_runs}). Writes go through the
 * store's writer thread and are durable on return; reads use the reader pool. The scheduler is the only
 * writer, so this class publishes no change events (the scheduler does).
 */
public final class ScheduleRepository {
    private static final System.Logger LOG = System.getLogger(ScheduleRepository.class.getName());
    private static final ObjectWriter RULE_WRITER = EventJson.mapper().writerFor(ScheduleRule.class);
    private static final ObjectReader RULE_READER = EventJson.mapper().readerFor(ScheduleRule.class);
    private static final String SCHEDULE_COLUMNS = "id, name, rule, prompt, workspace_id, model, goal, "
            + "continue_quest_id, enabled, zone, next_run_at, created_at, updated_at";
    private static final String SELECT_SCHEDULE = "SELECT " + SCHEDULE_COLUMNS + " FROM schedules ";
    private static final String RUN_COLUMNS = "id, schedule_id, scheduled_for, started_at, finished_at, quest_id, "
            + "after_seq, state, message";
    private static final String SELECT_RUN = "SELECT " + RUN_COLUMNS + " FROM schedule_runs ";

    private final WriterThread writer;
    private final ReaderPool readers;

    ScheduleRepository(WriterThread writer, ReaderPool readers) {
        this.writer = writer;
        this.readers = readers;
    }

    // ---- schedules ----------------------------------------------------------------------------------

    /** Inserts the schedule, or replaces every field of the one with its id. */
    public Schedule save(Schedule schedule) {
        String rule = ruleJson(schedule.rule());
        writer.submit("save schedule " + schedule.name(), context -> {
            upsert(context, schedule, rule);
            return null;
        });
        return schedule;
    }

    /** Saves the schedule and adds runs to its history in one transaction (a due slot is taken exactly once). */
    public void saveWithRuns(Schedule schedule, List<ScheduleRun> runs) {
        String rule = ruleJson(schedule.rule());
        writer.submit("record runs of schedule " + schedule.name(), context -> {
            upsert(context, schedule, rule);
            for (ScheduleRun run : runs) {
                insertRun(context, run);
            }
            return null;
        });
    }

    /** Deletes the schedule and its run history; the quests its runs started stay. */
    public void delete(String scheduleId) {
        writer.submit("delete schedule " + scheduleId,
                context -> context.update("DELETE FROM schedules WHERE id = ?", scheduleId));
    }

    public Optional<Schedule> get(String scheduleId) {
        return readers.read("read schedule " + scheduleId, connection -> {
            PreparedStatement statement = connection.prepare(SELECT_SCHEDULE + "WHERE id = ?");
            statement.setString(1, scheduleId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(schedule(row)) : Optional.empty();
            }
        });
    }

    /** All schedules, by name. */
    public List<Schedule> list() {
        return schedules("list schedules", SELECT_SCHEDULE + "ORDER BY name COLLATE NOCASE, pk");
    }

    /** Enabled schedules whose next run is at or before {@code now}, soonest first. */
    public List<Schedule> due(Instant now) {
        return schedules("find due schedules", SELECT_SCHEDULE
                + "WHERE enabled = 1 AND next_run_at IS NOT NULL AND next_run_at <= ? ORDER BY next_run_at, pk",
                Times.toNanos(now));
    }

    /** Schedules that continue this quest (for the quest's Summary and its clock marker). */
    public List<Schedule> continuing(String questId) {
        return schedules("list schedules of quest " + questId,
                SELECT_SCHEDULE + "WHERE continue_quest_id = ? ORDER BY name COLLATE NOCASE, pk", questId);
    }

    // ---- runs ---------------------------------------------------------------------------------------

    public void addRun(ScheduleRun run) {
        writer.submit("record a run of schedule " + run.scheduleId(), context -> {
            insertRun(context, run);
            return null;
        });
    }

    /** Saves a run's new state, end time and message. */
    public void updateRun(ScheduleRun run) {
        writer.submit("update run " + run.id(), context -> context.update(
                "UPDATE schedule_runs SET finished_at = ?, quest_id = ?, after_seq = ?, state = ?, message = ? "
                        + "WHERE id = ?",
                nanos(run.finishedAt()), run.questId(), run.afterSeq(), run.state().name(), run.message(), run.id()));
    }

    /** The schedule's runs, newest first; at most {@code limit} (0 for all). */
    public List<ScheduleRun> runs(String scheduleId, int limit) {
        return runs("read the run history of " + scheduleId,
                SELECT_RUN + "WHERE schedule_id = ? ORDER BY pk DESC LIMIT ?", scheduleId, limit == 0 ? -1 : limit);
    }

    /** Runs still in progress, oldest first, across all schedules. */
    public List<ScheduleRun> running() {
        return runs("list running schedule runs", SELECT_RUN + "WHERE state = 'RUNNING' ORDER BY pk");
    }

    /** The runs that started or continued this quest, newest first ("started by schedule …"). */
    public List<ScheduleRun> runsOfQuest(String questId) {
        return runs("list schedule runs of quest " + questId,
                SELECT_RUN + "WHERE quest_id = ? ORDER BY pk DESC", questId);
    }

    public Optional<ScheduleRun> run(String runId) {
        List<ScheduleRun> found = runs("read run " + runId, SELECT_RUN + "WHERE id = ?", runId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    // ---- rows ---------------------------------------------------------------------------------------

    private static void upsert(WriteContext context, Schedule s, String rule) throws SQLException {
        context.update("INSERT INTO schedules (" + SCHEDULE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, rule = excluded.rule, "
                        + "prompt = excluded.prompt, workspace_id = excluded.workspace_id, model = excluded.model, "
                        + "goal = excluded.goal, continue_quest_id = excluded.continue_quest_id, "
                        + "enabled = excluded.enabled, zone = excluded.zone, next_run_at = excluded.next_run_at, "
                        + "updated_at = excluded.updated_at",
                s.id(), s.name(), rule, s.prompt(), s.workspaceId(), s.model(), s.goal() ? 1 : 0,
                s.continueQuestId(), s.enabled() ? 1 : 0, s.zone().getId(), nanos(s.nextRunAt()),
                Times.toNanos(s.createdAt()), Times.toNanos(s.updatedAt()));
    }

    private static void insertRun(WriteContext context, ScheduleRun run) throws SQLException {
        context.update("INSERT INTO schedule_runs (" + RUN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.id(), run.scheduleId(), Times.toNanos(run.scheduledFor()), nanos(run.startedAt()),
                nanos(run.finishedAt()), run.questId(), run.afterSeq(), run.state().name(), run.message());
    }

    private List<Schedule> schedules(String what, String sql, Object... parameters) {
        return readers.read(what, connection -> {
            PreparedStatement statement = bind(connection.prepare(sql), parameters);
            List<Schedule> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(schedule(rows));
                }
            }
            return out;
        });
    }

    private List<ScheduleRun> runs(String what, String sql, Object... parameters) {
        return readers.read(what, connection -> {
            PreparedStatement statement = bind(connection.prepare(sql), parameters);
            List<ScheduleRun> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    out.add(run(rows));
                }
            }
            return out;
        });
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static Schedule schedule(ResultSet row) throws SQLException {
        return new Schedule(row.getString(1), row.getString(2), rule(row.getString(1), row.getString(3)),
                row.getString(4), row.getString(5), row.getString(6), row.getInt(7) != 0, row.getString(8),
                row.getInt(9) != 0, zone(row.getString(1), row.getString(10)), instant(row, 11),
                Times.fromNanos(row.getLong(12)), Times.fromNanos(row.getLong(13)));
    }

    private static ScheduleRun run(ResultSet row) throws SQLException {
        return new ScheduleRun(row.getString(1), row.getString(2), Times.fromNanos(row.getLong(3)), instant(row, 4),
                instant(row, 5), row.getString(6), row.getLong(7), RunState.valueOf(row.getString(8)),
                row.getString(9));
    }

    static String ruleJson(ScheduleRule rule) {
        try {
            return RULE_WRITER.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot store the schedule rule " + rule, e);
        }
    }

    static ScheduleRule rule(String scheduleId, String json) {
        try {
            return RULE_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("The schedule " + scheduleId + " has a rule this version cannot read (" + json
                    + "): " + e.getOriginalMessage() + ". Update Questbench, or delete and recreate the schedule.", e);
        }
    }

    private static ZoneId zone(String scheduleId, String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            // A zone this JDK's tz database lacks: the system zone is the least surprising stand-in.
            LOG.log(System.Logger.Level.WARNING, "schedule " + scheduleId + " names unknown zone " + id
                    + "; using the system zone");
            return ZoneId.systemDefault();
        }
    }

    private static Long nanos(Instant instant) {
        return instant == null ? null : Times.toNanos(instant);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : Times.fromNanos(value);
    }
}
