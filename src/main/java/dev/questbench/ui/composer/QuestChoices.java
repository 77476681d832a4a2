package dev.questbench.ui.composer;

import dev.questbench.agent.builtin.BuiltinAgent;
import dev.questbench.domain.PermissionMode;
import dev.questbench.domain.Quest;
import dev.questbench.llm.ProviderConfig;
import dev.questbench.store.Store;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The composer's model and permission-mode pickers for the selected quest. A choice is stored on the quest (its
 * options' provider and permission mode) and the agent session is reopened so the next turn uses it; both are
 * locked while a turn runs.
 */
public final class QuestChoices {
    /** One model choice: a provider name (null: the default provider) and how it reads in the picker. */
    public record ModelOption(String provider, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final Store store;
    private final QuestEngine engine;
    private final TaskRunner tasks;
    private final ObservableList<ModelOption> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelOption> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<PermissionMode> permissionMode = new SimpleObjectProperty<>(this, "permissionMode");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final java.util.function.Consumer<String> problem;
    private String questId;
    private boolean loading;
    private long generation;

    QuestChoices(Store store, QuestEngine engine, TaskRunner tasks, java.util.function.Consumer<String> problem) {
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.problem = problem;
        model.addListener((o, before, chosen) -> {
            if (!loading && chosen != null && !Objects.equals(before, chosen)) {
                // a model id picked at creation belongs to the old provider: the new one uses its default
                store(quest -> quest.withOptions(quest.options().withProvider(chosen.provider()), Instant.now())
                        .withBackend(quest.backend(), null, Instant.now()));
            }
        });
        permissionMode.addListener((o, before, chosen) -> {
            if (!loading && chosen != null && before != chosen) {
                store(quest -> quest.withOptions(quest.options().withPermissionMode(chosen), Instant.now()));
            }
        });
    }

    // ---- properties ----------------------------------------------------------------------------

    /** "Default (…)" first, then each configured provider with its model; empty without the built-in agent. */
    public ObservableList<ModelOption> models() {
        return models;
    }

    public ObjectProperty<ModelOption> modelProperty() {
        return model;
    }

    public ObjectProperty<PermissionMode> permissionModeProperty() {
        return permissionMode;
    }

    /** True once a built-in quest's choices are loaded; the pickers hide otherwise. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    // ---- commands ------------------------------------------------------------------------------

    /** Reads the quest's choices and the providers in the background (null: no quest). */
    void show(String id) {
        questId = id;
        long mine = ++generation;
        available.set(false);
        if (id == null) {
            return;
        }
        BuiltinAgent agent = engine.agent();
        tasks.run(() -> {
            Quest quest = store.quests().get(id).orElse(null);
            return new Loaded(quest, quest == null ? List.of() : options(agent, quest));
        }, loaded -> {
            if (mine != generation || loaded.quest() == null) {
                return;
            }
            loading = true;
            try {
                models.setAll(loaded.options());
                String provider = loaded.quest().options().provider();
                model.set(loaded.options().stream().filter(option -> Objects.equals(option.provider(), provider))
                        .findFirst().orElse(loaded.options().isEmpty() ? null : loaded.options().get(0)));
                permissionMode.set(loaded.quest().options().permissionMode());
            } finally {
                loading = false;
            }
            available.set(Quest.BUILTIN_BACKEND.equals(loaded.quest().backend()));
        }, failure -> problem.accept("The quest's model and permission mode could not be read: "
                + failure.getMessage()));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private record Loaded(Quest quest, List<ModelOption> options) {
    }

    /** The choices, the quest's own labelled with the model id it was created with, if any. */
    private static List<ModelOption> options(BuiltinAgent agent, Quest quest) {
        List<ModelOption> options = new ArrayList<>();
        if (agent == null) {
            return options;
        }
        String chosen = quest.options().provider();
        ProviderConfig fallback = agent.providers().resolve(null).config();
        options.add(new ModelOption(null, "Default (" + fallback.name() + " · "
                + model(chosen == null ? quest.model() : null, fallback) + ")"));
        for (ProviderConfig config : agent.providers().all()) {
            String model = model(config.name().equals(chosen) ? quest.model() : null, config);
            options.add(new ModelOption(config.name(), config.name() + " · " + model));
        }
        return options;
    }

    private static String model(String questModel, ProviderConfig config) {
        return questModel != null && !questModel.isBlank() ? questModel : config.model();
    }

    private void store(java.util.function.UnaryOperator<Quest> change) {
        String id = questId;
        tasks.run(() -> {
            Quest quest = store.quests().get(id).orElseThrow(() -> new IllegalStateException("the quest is gone"));
            store.quests().update(change.apply(quest));
            engine.executor().reopenSession(id); // the next turn opens a session with the new choice
        }, failure -> problem.accept("The choice was not saved: " + failure.getMessage()));
    }
}
