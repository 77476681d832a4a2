package dev.questbench.domain.schedule;

import java.time.ZoneId;

/**
 * What the schedule form (or {@code /schedule}) edits: every user-chosen field of a {@link Schedule}, without
 * id, times or next run. A blank name becomes the prompt's first line.
 */
public record ScheduleDraft(
        String name,
        ScheduleRule rule,
        String prompt,
        String workspaceId,
        String model,
        boolean goal,
        String continueQuestId,
        boolean enabled,
        ZoneId zone) {

    public ScheduleDraft {
        zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    /** An enabled draft that starts a new quest each run, in the system zone. */
    public static ScheduleDraft of(String name, ScheduleRule rule, String prompt, String workspaceId) {
        return new ScheduleDraft(name, rule, prompt, workspaceId, null, false, null, true, ZoneId.systemDefault());
    }

    public ScheduleDraft withRule(ScheduleRule value) {
        return new ScheduleDraft(name, value, prompt, workspaceId, model, goal, continueQuestId, enabled, zone);
    }

    public ScheduleDraft withZone(ZoneId value) {
        return new ScheduleDraft(name, rule, prompt, workspaceId, model, goal, continueQuestId, enabled, value);
    }

    public ScheduleDraft withModel(String value) {
        return new ScheduleDraft(name, rule, prompt, workspaceId, value, goal, continueQuestId, enabled, zone);
    }

    public ScheduleDraft withGoal(boolean value) {
        return new ScheduleDraft(name, rule, prompt, workspaceId, model, value, continueQuestId, enabled, zone);
    }

    public ScheduleDraft continuing(String questId) {
        return new ScheduleDraft(name, rule, prompt, workspaceId, model, goal, questId, enabled, zone);
    }

    public ScheduleDraft withEnabled(boolean value) {
        return new ScheduleDraft(name, rule, prompt, workspaceId, model, goal, continueQuestId, value, zone);
    }
}
