package dev.questbench.review.ai;

import dev.questbench.domain.event.QuestEvent.ReviewFindings.Finding;
import dev.questbench.llm.Cancellation;
import dev.questbench.llm.ChatMessage;
import dev.questbench.llm.ModelClient;
import dev.questbench.llm.ModelException;
import dev.questbench.llm.ModelRequest;
import dev.questbench.llm.StreamListener;
import dev.questbench.workspace.diff.FileDiff;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The AI review behind {@code /review}: three independent model passes (completeness, correctness, impact) run in
 * parallel over the same diff; their findings are merged, and a pass that fails is reported while the others show.
 */
public final class AiReview {
    /** Share of the context window the diff may take; the rest is the prompt and the answer. */
    static final double DIFF_SHARE = 0.6;
    static final int MAX_ANSWER_TOKENS = 4096;
    static final Duration PASS_TIMEOUT = Duration.ofMinutes(5);

    private final ModelClient client;
    private final String model;
    private final Executor executor;
    private final Duration passTimeout;

    public AiReview(ModelClient client, String model, Executor executorForPasses) {
        this(client, model, executorForPasses, PASS_TIMEOUT);
    }

    AiReview(ModelClient client, String model, Executor executorForPasses, Duration passTimeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.model = model != null ? model : client.config().model();
        this.executor = Objects.requireNonNull(executorForPasses, "executorForPasses");
        this.passTimeout = passTimeout;
    }

    /**
     * Reviews the change against the quest's goal. Blocks until every pass answered, failed or timed out.
     *
     * @throws CancellationException when {@code cancel} fired before the review finished
     */
    public ReviewReport review(String questGoal, List<FileDiff> files, Cancellation cancel) {
        if (cancel.isCancelled()) {
            throw new CancellationException("The review was cancelled.");
        }
        DiffText diff = DiffText.render(files, diffBudgetChars());
        String userMessage = userMessage(questGoal, diff.text());
        Map<ReviewPass, Cancellation> passCancels = new EnumMap<>(ReviewPass.class);
        Map<ReviewPass, CompletableFuture<List<Finding>>> running = new EnumMap<>(ReviewPass.class);
        for (ReviewPass pass : ReviewPass.values()) {
            Cancellation passCancel = new Cancellation();
            passCancels.put(pass, passCancel);
            running.put(pass, CompletableFuture.supplyAsync(() -> runPass(pass, userMessage, diff, passCancel),
                    executor));
        }
        AutoCloseable forward = cancel.onCancel(() -> passCancels.values().forEach(Cancellation::cancel));
        try {
            return collect(running, passCancels, cancel);
        } finally {
            closeQuietly(forward);
        }
    }

    /** The message that asks the quest's agent to fix one finding. */
    public static String fixMessage(Finding f) {
        String lines = f.startLine() == f.endLine() ? "line " + f.startLine()
                : "lines " + f.startLine() + "–" + f.endLine();
        StringBuilder out = new StringBuilder();
        out.append("Please fix this review finding (").append(f.severity()).append(") in ").append(f.path())
                .append(", ").append(lines).append(":\n\n").append(f.title()).append('\n');
        if (f.evidence() != null && !f.evidence().isBlank()) {
            out.append("\nEvidence:\n```\n").append(f.evidence().strip()).append("\n```\n");
        }
        if (f.suggestion() != null && !f.suggestion().isBlank()) {
            out.append("\nSuggested fix: ").append(f.suggestion().strip()).append('\n');
        }
        out.append("\nFix only this issue, keep the rest of the change as it is, and say briefly what you changed.");
        return out.toString();
    }

    private ReviewReport collect(Map<ReviewPass, CompletableFuture<List<Finding>>> running,
                                 Map<ReviewPass, Cancellation> passCancels, Cancellation cancel) {
        List<Finding> all = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + passTimeout.toNanos();
        for (ReviewPass pass : ReviewPass.values()) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                all.addAll(running.get(pass).get(left, TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                passCancels.get(pass).cancel();
                failures.add(pass.label() + ": no answer within " + describe(passTimeout)
                        + "; try again, or pick a faster model.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                passCancels.values().forEach(Cancellation::cancel);
                throw new CancellationException("The review was interrupted.");
            } catch (ExecutionException | CompletionException e) {
                failures.add(pass.label() + ": " + readable(e.getCause() != null ? e.getCause() : e));
            }
        }
        if (cancel.isCancelled()) {
            throw new CancellationException("The review was cancelled.");
        }
        return new ReviewReport(FindingMerger.merge(all, "ai"), failures);
    }

    private List<Finding> runPass(ReviewPass pass, String userMessage, DiffText diff, Cancellation cancel) {
        ModelRequest request = new ModelRequest(model, pass.systemPrompt(), List.of(ChatMessage.user(userMessage)),
                null, MAX_ANSWER_TOKENS, null);
        try {
            String answer = client.stream(request, StreamListener.NONE, cancel).text();
            return FindingParser.parse(answer, pass.label(), diff.paths());
        } catch (ModelException e) {
            throw new CompletionException(e);
        }
    }

    private int diffBudgetChars() {
        // about four characters a token (see TokenEstimate)
        return (int) Math.min(Integer.MAX_VALUE, (long) (client.config().effectiveContextWindow() * DIFF_SHARE) * 4);
    }

    private static String userMessage(String questGoal, String diffText) {
        String goal = questGoal == null || questGoal.isBlank() ? "(no goal was given)" : questGoal.strip();
        return "The quest asked for:\n" + goal + "\n\nThe change to review (left column: new-side line numbers):\n"
                + diffText;
    }

    private static String describe(Duration duration) {
        if (duration.toMinutes() >= 1) {
            return duration.toMinutes() == 1 ? "1 minute" : duration.toMinutes() + " minutes";
        }
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " seconds";
    }

    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // the handle only removes a list entry
        }
    }

    private static String readable(Throwable e) {
        if (e instanceof ModelException) {
            return e.getMessage();
        }
        if (e instanceof IllegalArgumentException) {
            return "the model's answer could not be read (" + e.getMessage() + "); try again or pick another model.";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
