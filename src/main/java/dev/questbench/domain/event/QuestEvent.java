package dev.questbench.domain.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * What happened in a quest, in the Cloud Agents event vocabulary plus workbench-only {@code quest.*} facts.
 * Payload only: the journal adds id, sequence number and time (see {@link JournalEntry}).
 * JSON field names are snake_case, as on the wire; {@link EventJson} reads and writes them.
 */
public sealed interface QuestEvent {

    /** The wire type, such as {@code agent.tool_use}. */
    @JsonIgnore
    default String type() {
        return EventTypes.typeOf(getClass());
    }

    // ---- user -> agent -------------------------------------------------------------------------

    @JsonTypeName("user.message")
    record UserMessage(List<ContentBlock> content) implements QuestEvent {
        public static UserMessage text(String text) {
            return new UserMessage(ContentBlock.textList(text));
        }
    }

    @JsonTypeName("user.interrupt")
    record UserInterrupt(String reason) implements QuestEvent {
    }

    /**
     * The answer to a pending {@code agent.tool_use}; {@code toolUseId} is that event's {@code evt_} id.
     * {@code answer} is the user's reply when the tool use was a question ({@code AskUserQuestion}), else null.
     */
    @JsonTypeName("user.tool_confirmation")
    record UserToolConfirmation(String toolUseId, Decision result, String denyMessage, boolean alwaysForQuest,
                                String answer) implements QuestEvent {
        public UserToolConfirmation(String toolUseId, Decision result, String denyMessage, boolean alwaysForQuest) {
            this(toolUseId, result, denyMessage, alwaysForQuest, null);
        }
    }

    // ---- agent -> user -------------------------------------------------------------------------

    @JsonTypeName("agent.message")
    record AgentMessage(List<ContentBlock> content) implements QuestEvent {
        public static AgentMessage text(String text) {
            return new AgentMessage(ContentBlock.textList(text));
        }
    }

    /** A thinking marker; {@code text} is the reasoning when the backend exposes it, else null. */
    @JsonTypeName("agent.thinking")
    record AgentThinking(String text) implements QuestEvent {
    }

    /** A tool the agent wants to run; {@code evaluatedPermission} says whether it runs, waits or is refused. */
    @JsonTypeName("agent.tool_use")
    record AgentToolUse(String name, JsonNode input, Decision.Permission evaluatedPermission) implements QuestEvent {
    }

    /** A tool's outcome; {@code toolUseId} is the {@code evt_} id of its {@code agent.tool_use}. */
    @JsonTypeName("agent.tool_result")
    record AgentToolResult(String toolUseId, List<ContentBlock> content, boolean isError, Long durationMs)
            implements QuestEvent {
    }

    /** A streaming piece of a message: {@code delta.type} is text_delta, thinking_delta or input_json_delta. */
    @JsonTypeName("agent.content_block_delta")
    record AgentContentBlockDelta(String messageId, int index, Delta delta) implements QuestEvent {
        public record Delta(String type, String text, String thinking, String partialJson) {
            public static Delta text(String text) {
                return new Delta("text_delta", text, null, null);
            }
        }
    }

    // ---- session status ------------------------------------------------------------------------

    @JsonTypeName("session.status_running")
    record SessionStatusRunning() implements QuestEvent {
    }

    @JsonTypeName("session.status_idle")
    record SessionStatusIdle(StopReason stopReason) implements QuestEvent {
        /**
         * Why the turn ended: {@code end_turn}, {@code requires_action} (with the waiting event ids) or the
         * workbench's {@code stopped} (the user stopped it).
         */
        public record StopReason(String type, List<String> eventIds) {
            public static final String END_TURN = "end_turn";
            public static final String REQUIRES_ACTION = "requires_action";
            public static final String STOPPED = "stopped";
        }

        public static SessionStatusIdle endTurn() {
            return new SessionStatusIdle(new StopReason(StopReason.END_TURN, null));
        }

        public static SessionStatusIdle stopped() {
            return new SessionStatusIdle(new StopReason(StopReason.STOPPED, null));
        }

        public static SessionStatusIdle requiresAction(List<String> eventIds) {
            return new SessionStatusIdle(new StopReason(StopReason.REQUIRES_ACTION, List.copyOf(eventIds)));
        }

        @JsonIgnore
        public boolean requiresAction() {
            return stopReason != null && StopReason.REQUIRES_ACTION.equals(stopReason.type());
        }
    }

    /** The turn failed; {@code error.message} says what happened and what to do. */
    @JsonTypeName("session.error")
    record SessionError(ErrorInfo error) implements QuestEvent {
        public record ErrorInfo(String type, String message, Boolean retryable) {
        }

        public static SessionError of(String type, String message) {
            return new SessionError(new ErrorInfo(type, message, null));
        }
    }

    @JsonTypeName("span.model_request_start")
    record ModelRequestStart(String model) implements QuestEvent {
    }

    @JsonTypeName("span.model_request_end")
    record ModelRequestEnd(String model, Usage usage, Long durationMs) implements QuestEvent {
        public record Usage(long inputTokens, long outputTokens, Long cacheCreationInputTokens,
                            Long cacheReadInputTokens) {
        }
    }

    // ---- workbench-only facts ------------------------------------------------------------------

    @JsonTypeName("quest.todo_updated")
    record TodoUpdated(List<TodoItem> todos) implements QuestEvent {
        /** One todo; status is pending, in_progress or completed. */
        public record TodoItem(String content, String status, String activeForm) {
        }
    }

    /** A snapshot of the workspace before a turn, kept under a private git ref. */
    @JsonTypeName("quest.checkpoint")
    record Checkpoint(int turn, String ref, String commit) implements QuestEvent {
    }

    /**
     * The files were restored to the checkpoint taken before {@code turn}; {@code safetyCommit} records them as they
     * were just before, so the revert can be diffed and undone.
     */
    @JsonTypeName("quest.reverted")
    record Reverted(int turn, String checkpointCommit, String safetyCommit) implements QuestEvent {
    }

    /**
     * A reviewer's decision on a file or one hunk: {@code action} is {@code accepted} (staged), {@code rejected}
     * (discarded from the working tree, optionally with a reason for the agent) or {@code undone} (the last
     * decision was reversed). {@code hunk} is the hunk's {@code @@} header, or null for the whole file;
     * {@code fingerprint} identifies the exact change decided on; {@code undo} is the blob holding the files and
     * index entries as they were just before, so Undo works after a restart too (null on {@code undone}).
     */
    @JsonTypeName("quest.review_decision")
    record ReviewDecision(String path, String hunk, String fingerprint, String action, String reason, String undo)
            implements QuestEvent {
        public ReviewDecision(String path, String hunk, String fingerprint, String action, String reason) {
            this(path, hunk, fingerprint, action, reason, null);
        }
    }

    /**
     * A viewed mark on a file (hunk null) or hunk, valid while the change keeps this {@code fingerprint}: when the
     * agent changes the file again the fingerprint differs and the mark no longer applies.
     */
    @JsonTypeName("quest.review_viewed")
    record ReviewViewed(String path, String hunk, String fingerprint, boolean viewed) implements QuestEvent {
    }

    /**
     * A line comment in the review: {@code side} is {@code old} or {@code new}; {@code status} is {@code pending},
     * {@code sent} (part of a feedback message) or {@code resolved}; a later event with the same
     * {@code commentId} updates it (text null = deleted).
     */
    @JsonTypeName("quest.review_comment")
    record ReviewComment(String commentId, String path, String side, int startLine, int endLine, String quote,
                         String text, String status) implements QuestEvent {
    }

    /**
     * Findings of a review pass: {@code source} is {@code ai} or {@code external}; {@code failures} names the
     * passes that failed, with their error.
     */
    @JsonTypeName("quest.review_findings")
    record ReviewFindings(String source, List<Finding> findings, List<String> failures) implements QuestEvent {
        /** One finding: severity critical, warning or suggestion; lines on the new side. */
        public record Finding(String id, String pass, String severity, String path, int startLine, int endLine,
                              String title, String evidence, String suggestion) {
        }
    }

    /** Review comments sent back to the agent as one message. */
    @JsonTypeName("quest.review_feedback")
    record ReviewFeedback(String message, List<LineComment> comments) implements QuestEvent {
        public record LineComment(String path, int line, String side, String text) {
        }
    }

    @JsonTypeName("quest.spec_proposed")
    record SpecProposed(String markdown, List<TodoUpdated.TodoItem> tasks) implements QuestEvent {
    }

    /** The user accepted the proposed spec: {@code action} is {@code build} or {@code schedule}. */
    @JsonTypeName("quest.spec_accepted")
    record SpecAccepted(String specEventId, String action) implements QuestEvent {
    }

    @JsonTypeName("quest.goal_evaluated")
    record GoalEvaluated(int round, boolean met, String reason, String nextStep) implements QuestEvent {
    }

    /**
     * Older turns were summarised to keep the conversation inside the model's context window: the model now sees
     * {@code summary} instead of everything up to and including {@code throughEventId}.
     */
    @JsonTypeName("quest.compacted")
    record Compacted(String summary, String throughEventId, long tokensBefore, long tokensAfter)
            implements QuestEvent {
    }

    /**
     * The user cleared the context ({@code /clear}): the agent starts afresh after this event, the conversation
     * before it stays in the transcript but is no longer sent to the model.
     */
    @JsonTypeName("quest.context_cleared")
    record ContextCleared() implements QuestEvent {
    }

    /** The user asked ({@code /compact}) to summarise the conversation so far before the next model call. */
    @JsonTypeName("quest.compact_requested")
    record CompactRequested() implements QuestEvent {
    }

    /** Output a running tool produced so far (e.g. a command's stdout), journaled in chunks as it arrives. */
    @JsonTypeName("quest.tool_progress")
    record ToolProgress(String toolUseId, String text) implements QuestEvent {
    }

    /** A hook command ran for a hook event; {@code outcome} says what it decided (blocked, allowed, context...). */
    @JsonTypeName("quest.hook_ran")
    record HookRan(String hookEvent, String command, int exitCode, String output, String outcome, long durationMs)
            implements QuestEvent {
    }

    /**
     * The memory files (AGENTS.md, CLAUDE.md...) and settings files the agent loaded for this quest, with any
     * problems reading them; shown in the Summary as references.
     */
    @JsonTypeName("quest.context_loaded")
    record ContextLoaded(List<Reference> references, List<String> warnings) implements QuestEvent {
        /** {@code kind} is memory or settings; {@code scope} is user, project or local. */
        public record Reference(String path, String kind, String scope) {
        }
    }

    /** A file the quest created or changed that can be previewed; path is relative to the workspace. */
    @JsonTypeName("quest.artifact")
    record Artifact(String path, String mediaType, long size, String change) implements QuestEvent {
    }

    /**
     * An external agent's session for this quest: which agent, its session id (so a restart can load it again),
     * its current mode and the slash commands it offers; journaled when any of them changes.
     */
    @JsonTypeName("quest.agent_session")
    record ExternalSession(String agent, String sessionId, String mode, List<String> commands) implements QuestEvent {
        public ExternalSession {
            commands = commands == null ? List.of() : List.copyOf(commands);
        }
    }

    @JsonTypeName("quest.paused")
    record Paused() implements QuestEvent {
    }

    @JsonTypeName("quest.resumed")
    record Resumed() implements QuestEvent {
    }

    /** The quest was mid-turn when the app stopped. */
    @JsonTypeName("quest.interrupted")
    record Interrupted(String reason) implements QuestEvent {
    }

    /** The quest waits for a schedule's time ({@code runAt}); the run itself starts with a user message. */
    @JsonTypeName("quest.scheduled_run")
    record ScheduledRun(String scheduleId, Instant runAt) implements QuestEvent {
    }

    /** A message sent while a turn runs; it waits as a queued bubble and is delivered when the round ends. */
    @JsonTypeName("quest.message_queued")
    record MessageQueued(String queueId, List<ContentBlock> content) implements QuestEvent {
    }

    /** A queued message was edited ({@code content} set) or removed ({@code content} null) before delivery. */
    @JsonTypeName("quest.queued_message_changed")
    record QueuedMessageChanged(String queueId, List<ContentBlock> content) implements QuestEvent {
    }

    /** A user message that was queued has been delivered as the {@code user.message} that follows. */
    @JsonTypeName("quest.queued_message_delivered")
    record QueuedMessageDelivered(String queueId) implements QuestEvent {
    }

    /**
     * The quest's git worktree was made: {@code baseBranch} is null when it started from a detached HEAD;
     * later turns work in {@code path}.
     */
    @JsonTypeName("quest.worktree_created")
    record WorktreeCreated(String path, String branch, String baseBranch, String baseCommit,
                           boolean includedUncommitted) implements QuestEvent {
    }

    /**
     * Output of the workspace's worktree setup script, journaled in chunks as it arrives ({@code exitCode} null);
     * the last one says how it ended ({@code exitCode} set, -1 when it timed out or could not start).
     */
    @JsonTypeName("quest.setup_output")
    record SetupOutput(String text, Integer exitCode) implements QuestEvent {
    }

    /**
     * One event of a subagent's own conversation, a child thread of the quest: {@code parentToolUseId} is the
     * {@code evt_} id of the {@code Agent} tool use that started it (the thread), {@code agent} the subagent's name,
     * {@code event} the inner event as its wire JSON, {@code note} (or null) why a tool use of the subagent ran in
     * the sandbox or needs the user's approval. The main conversation never reads these back.
     */
    @JsonTypeName("quest.subagent_event")
    record SubagentEvent(String parentToolUseId, String agent, ObjectNode event, String note) implements QuestEvent {
        public SubagentEvent(String parentToolUseId, String agent, ObjectNode event) {
            this(parentToolUseId, agent, event, null);
        }
    }

    // ---- anything else -------------------------------------------------------------------------

    /** An event type this version does not know; kept whole so it reads and writes back unchanged. */
    record Unknown(String type, ObjectNode body) implements QuestEvent {
        @Override
        public String type() {
            return type;
        }
    }
}
