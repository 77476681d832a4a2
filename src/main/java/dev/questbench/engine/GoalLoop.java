package dev.questbench.engine;

import dev.questbench.agent.TurnResult;
import dev.questbench.domain.Quest;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.store.Setting;
import dev.questbench.store.Store;
import java.util.List;
import java.util.Set;

/**
 * Goal mode: after each finished round of a quest with a goal, asks the evaluator whether the goal is met,
 * journals the verdict ({@code quest.goal_evaluated}), and starts the next round by itself until the goal is
 * met or the round limit is reached. The goal is read afresh each round, so an edit applies from the next
 * one; pausing the quest pauses the loop; clearing the goal ends it and nothing is deleted.
 */
public final class GoalLoop implements TurnHook {
    public static final Setting<Integer> MAX_ROUNDS = Setting.of("goal.maxRounds", Integer.class, 10);
    private static final Set<String> ROUND_TYPES = Set.of("quest.goal_evaluated");

    private final Store store;
    private final GoalEvaluator evaluator;
    private final Notifier notifier;

    public GoalLoop(Store store, GoalEvaluator evaluator, Notifier notifier) {
        this.store = store;
        this.evaluator = evaluator;
        this.notifier = notifier == null ? Notifier.NONE : notifier;
    }

    /** Starts goal mode on a quest ({@code /goal <outcome>}): stores the goal and runs the first round. */
    public void start(QuestExecutor executor, String questId, String goal) {
        Quest quest = store.quests().get(questId).orElseThrow();
        store.quests().update(quest.withOptions(quest.options().withGoal(goal), java.time.Instant.now()));
        executor.send(questId, goal);
    }

    /** Changes the goal; the running round finishes against the old one. */
    public void edit(String questId, String goal) {
        Quest quest = store.quests().get(questId).orElseThrow();
        store.quests().update(quest.withOptions(quest.options().withGoal(goal), java.time.Instant.now()));
    }

    /** Ends goal mode; the quest becomes a normal one and keeps its files and messages. */
    public void clear(String questId) {
        edit(questId, null);
    }

    @Override
    public boolean afterTurn(String questId, TurnResult result, QuestExecutor executor) {
        if (!(result instanceof TurnResult.EndTurn)) {
            return false;
        }
        Quest quest = store.quests().get(questId).orElse(null);
        String goal = quest == null ? null : quest.options().goal();
        if (goal == null || goal.isBlank()) {
            return false;
        }
        int round = store.journal().readByType(questId, ROUND_TYPES, 0).size() + 1;
        GoalVerdict verdict;
        try {
            verdict = evaluator.evaluate(goal, lastAnswer(questId), round);
        } catch (RuntimeException e) {
            store.journal().append(questId, new QuestEvent.GoalEvaluated(round, false,
                    "The goal could not be evaluated: " + e.getMessage(), null));
            notifier.notify(new Notification(Notification.Kind.ERROR, questId, quest.title(), e.getMessage()));
            return false;
        }
        store.journal().append(questId, new QuestEvent.GoalEvaluated(round, verdict.met(), verdict.reason(),
                verdict.nextStep()));
        int limit = store.settings().get(MAX_ROUNDS);
        if (verdict.met() || round >= limit) {
            String message = verdict.met() ? "Goal met after " + round + " round(s)."
                    : "Stopped after " + round + " rounds without meeting the goal: " + verdict.reason();
            notifier.notify(new Notification(Notification.Kind.READY, questId, quest.title(), message));
            return false;
        }
        return executor.continueWith(questId, "Keep working towards the goal: " + goal
                + "\nThe last check said it is not met yet: " + verdict.reason()
                + (verdict.nextStep() == null || verdict.nextStep().isBlank() ? "" : "\nNext step: " + verdict.nextStep()));
    }

    private String lastAnswer(String questId) {
        List<JournalEntry> recent = store.journal().readLast(questId, 200);
        for (int i = recent.size() - 1; i >= 0; i--) {
            if (recent.get(i).event() instanceof QuestEvent.AgentMessage message) {
                return ContentBlock.plainText(message.content());
            }
        }
        return "(the agent reported nothing)";
    }
}
