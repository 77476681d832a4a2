package dev.questbench.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.Decision;
import dev.questbench.domain.event.QuestEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The status fold as a table: a journal (in shorthand) and the status it must yield. */
class QuestStatusTest {
    private static final String TABLE = """
            ''                                                  , READY
            msg                                                 , QUEUED
            msg run                                             , RUNNING
            msg think                                           , RUNNING
            msg span                                            , RUNNING
            msg run say end                                     , READY
            msg run tool action                                 , ACTION_REQUIRED
            msg run tool action confirm                         , ACTION_REQUIRED
            msg run tool action confirm run                     , RUNNING
            msg run tool action confirm run result say end      , READY
            msg run tool action msg                             , ACTION_REQUIRED
            msg run msg                                         , RUNNING
            msg run userint                                     , RUNNING
            msg run userint stopped                             , READY
            msg run todo unknown                                , RUNNING
            msg run say end msg                                 , QUEUED
            msg run error                                       , ERROR
            msg run error resume                                , QUEUED
            msg run error msg                                   , QUEUED
            msg run error resume run end                        , READY
            msg run pause                                       , PAUSED
            msg run pause end                                   , PAUSED
            msg run pause stopped                               , READY
            msg run pause action                                , ACTION_REQUIRED
            msg run pause resume                                , QUEUED
            msg run interrupt                                   , INTERRUPTED
            msg run interrupt resume                            , QUEUED
            msg run interrupt resume run                        , RUNNING
            schedule                                            , SCHEDULED
            schedule msg                                        , QUEUED
            schedule msg run end                                , READY
            msg run schedule                                    , RUNNING
            think                                               , READY
            unknown                                             , READY
            end resume                                          , READY
            confirm                                             , READY
            """;

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(textBlock = TABLE)
    void derivesTheStatusOfAJournal(String journal, QuestStatus expected) {
        List<QuestEvent> events = events(journal);
        assertEquals(expected, QuestStatus.derive(events));
        QuestStatus stepped = QuestStatus.INITIAL;
        for (QuestEvent event : events) {
            stepped = stepped.next(event);
        }
        assertEquals(expected, stepped, "derive is the fold of next");
    }

    @Test
    void theTableReachesEveryStatus() {
        Set<QuestStatus> reached = TABLE.lines().map(line -> line.split(",")[1].strip()).map(QuestStatus::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(QuestStatus.class)));
        assertEquals(EnumSet.allOf(QuestStatus.class), reached);
    }

    @ParameterizedTest
    @EnumSource(QuestStatus.class)
    void eachStatusSitsInItsBoardColumn(QuestStatus status) {
        BoardColumn expected = switch (status) {
            case QUEUED, RUNNING -> BoardColumn.RUNNING;
            case READY -> BoardColumn.COMPLETED;
            case ACTION_REQUIRED, PAUSED, INTERRUPTED, ERROR, SCHEDULED -> BoardColumn.WAITING;
        };
        assertEquals(expected, status.column());
        assertEquals(status == QuestStatus.QUEUED || status == QuestStatus.RUNNING, status.isActive());
    }

    @Test
    void anUnknownEventWithAKnownTypeNameDoesNotBreakTheFold() {
        QuestEvent odd = new QuestEvent.Unknown("session.status_idle", JsonNodeFactory.instance.objectNode());
        assertEquals(QuestStatus.RUNNING, QuestStatus.RUNNING.next(odd));
    }

    /** Shorthand for the events of a journal, one word each. */
    static List<QuestEvent> events(String journal) {
        return Arrays.stream(journal.strip().split("\\s+")).filter(word -> !word.isEmpty())
                .map(QuestStatusTest::event).toList();
    }

    private static QuestEvent event(String word) {
        return switch (word) {
            case "msg" -> QuestEvent.UserMessage.text("do it");
            case "userint" -> new QuestEvent.UserInterrupt("stop");
            case "confirm" -> new QuestEvent.UserToolConfirmation("evt_1", Decision.ALLOW, null, false);
            case "run" -> new QuestEvent.SessionStatusRunning();
            case "think" -> new QuestEvent.AgentThinking("hm");
            case "say" -> QuestEvent.AgentMessage.text("done");
            case "span" -> new QuestEvent.ModelRequestStart("m");
            case "tool" -> new QuestEvent.AgentToolUse("Bash", JsonNodeFactory.instance.objectNode(),
                    Decision.Permission.ASK);
            case "result" -> new QuestEvent.AgentToolResult("evt_1", ContentBlock.textList("ok"), false, 5L);
            case "end" -> QuestEvent.SessionStatusIdle.endTurn();
            case "action" -> QuestEvent.SessionStatusIdle.requiresAction(List.of("evt_1"));
            case "stopped" -> QuestEvent.SessionStatusIdle.stopped();
            case "error" -> QuestEvent.SessionError.of("boom", "It failed");
            case "pause" -> new QuestEvent.Paused();
            case "resume" -> new QuestEvent.Resumed();
            case "interrupt" -> new QuestEvent.Interrupted("app stopped");
            case "schedule" -> new QuestEvent.ScheduledRun("sch_1", Instant.parse("2025-01-01T03:00:00Z"));
            case "todo" -> new QuestEvent.TodoUpdated(List.of());
            case "unknown" -> new QuestEvent.Unknown("vendor.new_thing", JsonNodeFactory.instance.objectNode()
                    .put("type", "vendor.new_thing"));
            default -> throw new IllegalArgumentException("no shorthand " + word);
        };
    }
}
