package dev.questbench.engine;

import dev.questbench.agent.AgentBackend;
import dev.questbench.agent.AgentSession;
import dev.questbench.agent.QuestContext;
import dev.questbench.agent.ToolConfirmation;
import dev.questbench.agent.TurnResult;
import dev.questbench.agent.UserInput;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test fixture implementing the agent SPI with a programmable script: delays, events, approvals, errors.
 * It makes the executor deterministic in tests and benchmarks; it is never offered to users.
 */
public final class ScriptedBackend implements AgentBackend {
    public static final String KIND = "scripted";

    /** What one turn does; return how it yields. */
    @FunctionalInterface
    public interface Script {
        TurnResult run(Turn turn) throws Exception;
    }

    /** One call into the session: {@code send}, {@code confirm} or {@code resume}. */
    public record Turn(String call, UserInput input, List<ToolConfirmation> answers, QuestContext context,
                       Session session) {
        public String text() {
            return input == null ? "" : input.text();
        }

        public JournalEntry emit(QuestEvent event) {
            return context.sink().emit(event);
        }

        /** Sleeps in small steps; returns false as soon as the turn is stopped or cancelled. */
        public boolean sleep(long millis) {
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end) {
                if (session.cancelled || context.control().stopRequested()) {
                    return false;
                }
                try {
                    Thread.sleep(Math.min(5, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !session.cancelled;
        }

        public boolean stopped() {
            return session.cancelled || context.control().stopRequested();
        }
    }

    private final Script script;
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<String> openedFor = new CopyOnWriteArrayList<>();
    public final AtomicInteger concurrent = new AtomicInteger();
    public final AtomicInteger maxConcurrent = new AtomicInteger();

    public ScriptedBackend(Script script) {
        this.script = script;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public AgentSession open(QuestContext context) {
        openedFor.add(context.quest().id());
        return new Session(context);
    }

    /** The scripted session; records calls, honours cancel. */
    public final class Session implements AgentSession {
        private final QuestContext context;
        volatile boolean cancelled;
        public final List<Process> children = new CopyOnWriteArrayList<>();

        Session(QuestContext context) {
            this.context = context;
        }

        @Override
        public TurnResult send(UserInput input) {
            return call("send", input, List.of());
        }

        @Override
        public TurnResult confirm(List<ToolConfirmation> answers) {
            return call("confirm", null, answers);
        }

        @Override
        public TurnResult resume() {
            return call("resume", null, List.of());
        }

        @Override
        public void cancel() {
            cancelled = true;
            children.forEach(Process::destroyForcibly);
        }

        @Override
        public void close() {
            cancel();
        }

        private TurnResult call(String kind, UserInput input, List<ToolConfirmation> answers) {
            cancelled = false;
            calls.add(context.quest().id() + ":" + kind + (input == null ? "" : ":" + input.text()));
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try {
                TurnResult result = script.run(new Turn(kind, input, answers, context, this));
                return cancelled ? new TurnResult.Stopped() : result;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            } finally {
                concurrent.decrementAndGet();
            }
        }
    }
}
