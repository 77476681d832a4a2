package dev.questbench.domain.schedule;

/** The kinds of rule the schedule form offers, in its order, with their labels. */
public enum ScheduleKind {
    ONE_TIME("One-time"),
    INTERVAL("Interval"),
    HOURLY("Hourly"),
    DAILY("Daily"),
    WEEKLY("Weekly"),
    MONTHLY("Monthly"),
    CRON("Cron");

    private final String label;

    ScheduleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
