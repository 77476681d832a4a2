package dev.questbench.ui.shell;

import dev.questbench.domain.QuestSummary;
import dev.questbench.domain.Workspace;
import dev.questbench.ui.common.QuestLook;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A row of the quest list: a workspace heading or one quest. */
public sealed interface QuestListRow {
    Comparator<QuestSummary> ORDER = Comparator
            .comparing((QuestSummary s) -> !s.quest().pinned())
            .thenComparing(QuestSummary::lastActivityAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(QuestSummary::id);

    /** Stable identity across updates, so the list can patch rows in place. */
    String key();

    /** A workspace heading; {@code workspace} is null for the quests bound to no workspace. */
    record Group(Workspace workspace, int count) implements QuestListRow {
        public String name() {
            return workspace == null ? "No workspace" : workspace.name();
        }

        @Override
        public String key() {
            return "group:" + (workspace == null ? "" : workspace.id());
        }
    }

    /** A heading that is not a workspace: a status column, or "All quests" when the list is not grouped. */
    record Section(String name, int count) implements QuestListRow {
        @Override
        public String key() {
            return "section:" + name;
        }
    }

    record Item(QuestSummary summary) implements QuestListRow {
        @Override
        public String key() {
            return summary.id();
        }
    }

    /** Groups by workspace (by name; unbound last), each group's quests pinned first, then by activity. */
    static List<QuestListRow> build(Collection<Workspace> workspaces, Collection<QuestSummary> quests) {
        return build(workspaces, quests, ORDER);
    }

    /** Groups by workspace (by name; unbound last), each group's quests in the given order. */
    static List<QuestListRow> build(Collection<Workspace> workspaces, Collection<QuestSummary> quests,
                                    Comparator<QuestSummary> order) {
        Map<String, List<QuestSummary>> byWorkspace = new LinkedHashMap<>();
        workspaces.stream().sorted(Comparator.comparing(Workspace::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(workspace -> byWorkspace.put(workspace.id(), new ArrayList<>()));
        List<QuestSummary> unbound = new ArrayList<>();
        for (QuestSummary summary : quests) {
            String id = summary.quest().workspaceId();
            List<QuestSummary> group = id == null ? null : byWorkspace.get(id);
            (group == null ? unbound : group).add(summary);
        }
        Map<String, Workspace> byId = new LinkedHashMap<>();
        workspaces.forEach(workspace -> byId.put(workspace.id(), workspace));
        List<QuestListRow> rows = new ArrayList<>(quests.size() + byWorkspace.size() + 1);
        byWorkspace.forEach((id, group) -> add(rows, byId.get(id), group, order));
        if (!unbound.isEmpty()) {
            add(rows, null, unbound, order);
        }
        return rows;
    }

    /** Groups by board column (Running, Waiting, Completed), or one "All quests" section when {@code byStatus} is false. */
    static List<QuestListRow> sections(Collection<QuestSummary> quests, Comparator<QuestSummary> order,
                                       boolean byStatus) {
        List<QuestListRow> rows = new ArrayList<>(quests.size() + 3);
        if (!byStatus) {
            List<QuestSummary> all = new ArrayList<>(quests);
            all.sort(order);
            rows.add(new Section("All quests", all.size()));
            all.forEach(summary -> rows.add(new Item(summary)));
            return rows;
        }
        for (dev.questbench.domain.BoardColumn column : dev.questbench.domain.BoardColumn.values()) {
            List<QuestSummary> group = quests.stream().filter(q -> q.status().column() == column)
                    .sorted(order).toList();
            if (!group.isEmpty()) {
                rows.add(new Section(column.label(), group.size()));
                group.forEach(summary -> rows.add(new Item(summary)));
            }
        }
        return rows;
    }

    private static void add(List<QuestListRow> rows, Workspace workspace, List<QuestSummary> group,
                            Comparator<QuestSummary> order) {
        group.sort(order);
        rows.add(new Group(workspace, group.size()));
        group.forEach(summary -> rows.add(new Item(summary)));
    }

    /** Makes {@code target} equal {@code next}, touching only rows that changed when the shape is the same. */
    static void patch(List<QuestListRow> target, List<QuestListRow> next) {
        boolean sameShape = target.size() == next.size();
        for (int i = 0; sameShape && i < next.size(); i++) {
            sameShape = target.get(i).key().equals(next.get(i).key());
        }
        if (!sameShape) {
            if (target instanceof javafx.collections.ObservableList<QuestListRow> observable) {
                observable.setAll(next); // one change event, not two
            } else {
                target.clear();
                target.addAll(next);
            }
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!looksSame(target.get(i), next.get(i))) {
                target.set(i, next.get(i));
            }
        }
    }

    /** Rows whose drawing would not change are left alone: a running quest's summary changes on every event. */
    private static boolean looksSame(QuestListRow shown, QuestListRow next) {
        if (shown instanceof Item a && next instanceof Item b) {
            return QuestLook.same(a.summary(), b.summary());
        }
        return Objects.equals(shown, next);
    }
}
