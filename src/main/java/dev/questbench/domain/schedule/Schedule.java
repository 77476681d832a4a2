package dev.questbench.domain.schedule;

import dev.questbench.domain.Ids;
import dev.questbench.domain.Quest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A task that runs by itself: when {@link #rule} says, it starts a new quest from {@link #prompt} (or, with
 * {@link #continueQuestId}, sends the prompt to that quest).
 *
 * @param workspaceId     the workspace new quests run in, or null for none
 * @param model           the model new quests use, or null for the backend's default
 * @param goal            run in goal mode: the prompt is the goal, and rounds continue until it is met
 * @param continueQuestId continue this quest on each run instead of starting a new one; null for new quests
 * @param zone            the zone the rule's local times are read in (the system zone when the user did not choose)
 * @param nextRunAt       the next due time, kept by the scheduler; null while disabled or once a one-time
 *                        schedule has run
 */
public record Schedule(
        String id,
        String name,
        ScheduleRule rule,
        String prompt,
        String workspaceId,
        String model,
        boolean goal,
        String continueQuestId,
        boolean enabled,
        ZoneId zone,
        Instant nextRunAt,
        Instant createdAt,
        Instant updatedAt) {

    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        prompt = prompt == null ? "" : prompt.strip();
        name = name == null || name.isBlank() ? Quest.titleFrom(prompt) : name.strip();
        workspaceId = blankToNull(workspaceId);
        model = blankToNull(model);
        continueQuestId = blankToNull(continueQuestId);
        zone = zone == null ? ZoneId.systemDefault() : zone;
        Objects.requireNonNull(createdAt, "createdAt");
        updatedAt = updatedAt == null ? createdAt : updatedAt;
    }

    /** A new, enabled schedule with a fresh id; the scheduler fills in {@code nextRunAt} when it saves it. */
    public static Schedule create(ScheduleDraft draft, Instant now) {
        return new Schedule(Ids.schedule(), draft.name(), draft.rule(), draft.prompt(), draft.workspaceId(),
                draft.model(), draft.goal(), draft.continueQuestId(), draft.enabled(), draft.zone(), null, now, now);
    }

    /** This schedule with the form's values; id, creation time and next run are kept. */
    public Schedule edit(ScheduleDraft draft, Instant now) {
        return new Schedule(id, draft.name(), draft.rule(), draft.prompt(), draft.workspaceId(), draft.model(),
                draft.goal(), draft.continueQuestId(), draft.enabled(), draft.zone(), nextRunAt, createdAt, now);
    }

    /** What the form shows when editing this schedule. */
    public ScheduleDraft draft() {
        return new ScheduleDraft(name, rule, prompt, workspaceId, model, goal, continueQuestId, enabled, zone);
    }

    public Schedule withEnabled(boolean value, Instant now) {
        return new Schedule(id, name, rule, prompt, workspaceId, model, goal, continueQuestId, value, zone,
                nextRunAt, createdAt, now);
    }

    public Schedule withNextRunAt(Instant next) {
        return new Schedule(id, name, rule, prompt, workspaceId, model, goal, continueQuestId, enabled, zone,
                next, createdAt, updatedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
