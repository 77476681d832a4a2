package dev.questbench.ui.composer;

import dev.questbench.domain.Quest;
import dev.questbench.domain.QuestStatus;
import dev.questbench.domain.event.ContentBlock;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.domain.schedule.Schedule;
import dev.questbench.domain.schedule.ScheduleDraft;
import dev.questbench.engine.schedule.ScheduleDescription;
import dev.questbench.store.Store;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TimeAgo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What each composer command does to the engine, run off the FX thread; each returns the confirmation to show
 * (empty for a plain message). Problems the user can fix are thrown as {@link IllegalStateException}s whose
 * message says what to do.
 */
final class ComposerActions {
    static final String NOT_BUILT_IN = "only works with the built-in agent; this quest runs on ";

    private final Store store;
    private final QuestEngine engine;

    ComposerActions(Store store, QuestEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    String perform(String id, ComposerCommand command, List<Attachment> attached) {
        if (command instanceof ComposerCommand.Goal goal) {
            engine.goals().start(engine.executor(), id, goal.outcome());
            return "";
        }
        if (command instanceof ComposerCommand.ScheduleRun schedule) {
            return schedule(id, schedule.text());
        }
        if (command instanceof ComposerCommand.Spec spec) {
            return spec(id, spec.request(), attached);
        }
        if (command instanceof ComposerCommand.Compact) {
            requireIdleBuiltIn(id, "/compact");
            store.journal().append(id, new QuestEvent.CompactRequested());
            return "The conversation will be summarised before the agent's next model call.";
        }
        if (command instanceof ComposerCommand.Clear) {
            requireIdleBuiltIn(id, "/clear");
            store.journal().append(id, new QuestEvent.ContextCleared());
            return "Context cleared: the agent starts afresh with your next message (the transcript stays).";
        }
        if (command instanceof ComposerCommand.Custom custom) {
            engine.executor().send(id, blocks(custom.body(), attached));
            return "Sent /" + custom.name() + ".";
        }
        engine.executor().send(id, blocks(((ComposerCommand.Message) command).text(), attached));
        return "";
    }

    /** What the composer shows for a quest: its status, folder, commands on offer and saved draft. */
    record Loaded(QuestStatus status, Path workspace, List<SlashCommand> commands, ComposerDrafts.Draft draft) {
    }

    Loaded load(String id, List<SlashCommandSource> sources, ComposerDrafts drafts) {
        dev.questbench.domain.QuestSummary summary = store.quests().summary(id).orElseThrow(
                () -> new IllegalStateException("the quest is gone"));
        Path workspace = workspaceOf(summary.quest());
        List<SlashCommand> offered = new ArrayList<>();
        for (SlashCommandSource source : sources) {
            offered.addAll(source.commands(summary.quest(), workspace));
        }
        return new Loaded(summary.status(), workspace, List.copyOf(offered), drafts.load(id));
    }

    /** The folder the quest's files are in (its workspace), or null for a quest bound to no folder. */
    Path workspaceOf(Quest quest) {
        if (quest.workspaceId() == null) {
            return null;
        }
        return store.workspaces().get(quest.workspaceId()).map(workspace -> Path.of(workspace.path())).orElse(null);
    }

    /** The message text, then one block per attachment (each file read now). */
    static List<ContentBlock> blocks(String text, List<Attachment> attached) {
        List<ContentBlock> blocks = new ArrayList<>();
        if (!text.isBlank()) {
            blocks.add(ContentBlock.text(text));
        }
        attached.forEach(attachment -> blocks.add(attachment.toBlock()));
        return blocks;
    }

    private String schedule(String id, String text) {
        Quest quest = quest(id);
        // Runs continue this quest, with its workspace and model, as the conversation they were asked in.
        ScheduleDraft template = new ScheduleDraft(null, null, null, quest.workspaceId(), quest.model(), false,
                id, true, null);
        Schedule created = engine.scheduler().createFromCommand(text, template);
        return "Scheduled “" + created.name() + "”: " + ScheduleDescription.of(created.rule())
                + (created.nextRunAt() == null ? "" : ", next run " + TimeAgo.exact(created.nextRunAt())) + ".";
    }

    /** Turns spec mode on for the quest and sends the request: the agent proposes a spec and waits for Build. */
    private String spec(String id, String request, List<Attachment> attached) {
        Quest quest = quest(id);
        if (!store.journal().readByType(id, Set.of("quest.spec_accepted"), 1).isEmpty()) {
            throw new IllegalStateException("This quest already built a spec. Start a New Quest with Spec on for "
                    + "another one, or describe the change as a message.");
        }
        if (!quest.options().specDriven()) {
            store.quests().update(quest.withOptions(quest.options().withSpecDriven(true), Instant.now()));
        }
        engine.executor().send(id, blocks(request, attached));
        return "Spec mode: the agent writes a spec first and waits for Build.";
    }

    private void requireIdleBuiltIn(String id, String name) {
        Quest quest = quest(id);
        if (!Quest.BUILTIN_BACKEND.equals(quest.backend())) {
            throw new IllegalStateException(name + " " + NOT_BUILT_IN + quest.backend() + ".");
        }
        QuestStatus status = store.quests().summary(id).map(summary -> summary.status()).orElse(QuestStatus.READY);
        if (status.isActive() || status == QuestStatus.ACTION_REQUIRED) {
            throw new IllegalStateException(name + " waits until the current turn ends: Stop it, or try again when "
                    + "it is done.");
        }
    }

    private Quest quest(String id) {
        return store.quests().get(id).orElseThrow(() -> new IllegalStateException("The quest is gone."));
    }
}
