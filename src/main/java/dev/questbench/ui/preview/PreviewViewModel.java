package dev.questbench.ui.preview;

import dev.questbench.domain.event.EventTypes;
import dev.questbench.domain.event.JournalEntry;
import dev.questbench.domain.event.QuestEvent;
import dev.questbench.preview.Artifact;
import dev.questbench.preview.ArtifactDetector;
import dev.questbench.preview.DevServers;
import dev.questbench.preview.FileVersions;
import dev.questbench.preview.FileWatcher;
import dev.questbench.store.Store;
import dev.questbench.store.Subscription;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.QuestEngine;
import dev.questbench.ui.common.TaskRunner;
import dev.questbench.workspace.git.Git;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected quest's artifacts and previews: the files it created or changed (newest first, kept current as its
 * journal grows), the dev servers it started, the file previewed and its versions; the previewed file is watched
 * and {@link #revisionProperty} counts its changes so the view reloads it. Git and file work runs on the task runner.
 */
public final class PreviewViewModel implements AutoCloseable {
    static final long RELOAD_QUIET_MILLIS = 120;

    private final Store store;
    private final QuestEngine engine;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SystemApps apps;
    private final Executor fxExecutor;
    private final Subscription journal;
    private final QuestFiles sources;
    private final ObservableList<Artifact> artifacts = FXCollections.observableArrayList();
    private final ObservableList<String> devServers = FXCollections.observableArrayList();
    private final ObservableList<FileVersions.Version> versions = FXCollections.observableArrayList();
    private final ObjectProperty<Artifact> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<FileVersions.Version> version = new SimpleObjectProperty<>(this, "version");
    private final ReadOnlyObjectWrapper<Path> shownFile = new ReadOnlyObjectWrapper<>(this, "shownFile");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");
    private final ReadOnlyStringWrapper questId = new ReadOnlyStringWrapper(this, "questId");
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(this, "emptyMessage");
    private final ReadOnlyStringWrapper browserUrl = new ReadOnlyStringWrapper(this, "browserUrl");
    private final BooleanProperty allowNetwork = new SimpleBooleanProperty(this, "allowNetwork");
    private volatile String watched;
    private Path folder;
    private FileWatcher watch;
    private final Executor reloads;
    private final java.util.concurrent.atomic.AtomicBoolean reloadPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final javafx.beans.property.ReadOnlyBooleanWrapper asSlides =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "asSlides");
    private boolean visible = true;
    private boolean stale;
    private long generation;

    /**
     * @param reloads runs re-reads of the list on the FX thread, spaced out (a {@code ThrottledExecutor}) while a
     *                quest writes many files
     */
    private final CanvasViewModel canvas;

    public PreviewViewModel(Store store, QuestEngine engine, TaskRunner tasks, DialogService dialogs, SystemApps apps,
                            Executor fxExecutor, Executor reloads) {
        this.reloads = reloads;
        this.store = store;
        this.engine = engine;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.apps = apps;
        this.fxExecutor = fxExecutor;
        this.sources = new QuestFiles(store, engine);
        this.canvas = new CanvasViewModel(store, tasks, dialogs);
        this.journal = store.journal().subscribe(this::onEntries);
        selected.addListener((observable, before, after) -> selectionChanged(after));
        version.addListener((observable, before, after) -> {
            if (after != null) { // a dropdown whose items were replaced clears its value for a moment
                showVersion(after);
            }
        });
    }

    // ---- properties ----------------------------------------------------------------------------

    /** The quest's artifacts, newest first (read-only for the View). */
    public ObservableList<Artifact> artifacts() {
        return FXCollections.unmodifiableObservableList(artifacts);
    }

    /** Loopback URLs of dev servers the quest started that answer now. */
    public ObservableList<String> devServers() {
        return FXCollections.unmodifiableObservableList(devServers);
    }

    /** The previewed artifact, or null; the list writes it. */
    public ObjectProperty<Artifact> selectedProperty() {
        return selected;
    }

    /** The selected artifact's versions: "Now" then one per checkpoint that held another content. */
    public ObservableList<FileVersions.Version> versions() {
        return FXCollections.unmodifiableObservableList(versions);
    }

    /** The version previewed; the dropdown writes it. */
    public ObjectProperty<FileVersions.Version> versionProperty() {
        return version;
    }

    /** The file to render: the artifact itself, or a copy of an earlier version; null when nothing shows. */
    public ReadOnlyObjectProperty<Path> shownFileProperty() {
        return shownFile.getReadOnlyProperty();
    }

    /** Counts writes to the previewed file; the View re-renders when it changes. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty questIdProperty() {
        return questId.getReadOnlyProperty();
    }

    /** Why there is nothing to preview, or null. */
    public ReadOnlyStringProperty emptyMessageProperty() {
        return emptyMessage.getReadOnlyProperty();
    }

    /** The dev-server page open in the browser, or null while an artifact shows. */
    public ReadOnlyStringProperty browserUrlProperty() {
        return browserUrl.getReadOnlyProperty();
    }

    /** Whether HTML previews may load from hosts other than this machine (off by default). */
    public BooleanProperty allowNetworkProperty() {
        return allowNetwork;
    }

    /** Whether the previewed HTML or Markdown file is a slide deck (decided when it is selected). */
    public javafx.beans.property.ReadOnlyBooleanProperty asSlidesProperty() {
        return asSlides.getReadOnlyProperty();
    }

    /** The quest's folder, or null. */
    Path folder() {
        return folder;
    }

    // ---- commands ------------------------------------------------------------------------------

    /** The quest's canvas of pinned artifacts. */
    public CanvasViewModel canvas() {
        return canvas;
    }

    /** Pins the selected artifact (its current file) to the quest's canvas. */
    public void pinSelected() {
        Artifact artifact = selected.get();
        if (artifact != null) {
            canvas.pin(artifact.file(), artifact.path());
        }
    }

    /** Shows this quest's artifacts (null: none). */
    public void show(String id) {
        canvas.show(id);
        generation++;
        questId.set(id);
        watched = id;
        folder = null;
        artifacts.clear();
        devServers.clear();
        selected.set(null);
        browserUrl.set(null);
        emptyMessage.set(id == null ? "Pick a quest to see what it made." : null);
        if (id != null && visible) {
            reload();
        } else {
            stale = id != null; // read when the Summary or Preview tab comes to the front
        }
    }

    /** Reads the artifacts and dev servers again; keeps the selection when the file is still listed. */
    public void reload() {
        String id = questId.get();
        if (id == null) {
            return;
        }
        long asked = generation;
        tasks.run(() -> sources.load(id), loaded -> {
            if (asked != generation) {
                return;
            }
            folder = loaded.folder();
            emptyMessage.set(loaded.empty());
            Artifact before = selected.get();
            artifacts.setAll(loaded.artifacts());
            devServers.setAll(loaded.devServers());
            if (before != null) {
                loaded.artifacts().stream().filter(a -> a.path().equals(before.path())).findFirst()
                        .ifPresent(selected::set);
            }
        }, failure -> emptyMessage.set(failure.getMessage()));
    }

    /** Whether the Preview tab is in front: while it is not, journal changes only mark the list stale. */
    public void setVisible(boolean shown) {
        visible = shown;
        if (shown && stale) {
            stale = false;
            reload();
        }
    }

    /** Opens the previewed artifact with the system's app for it. */
    public void openWithSystemApp() {
        withSelected(file -> apps.open(file), "The file could not be opened");
    }

    /** Shows the previewed artifact in the file manager. */
    public void revealInFolder() {
        withSelected(file -> apps.reveal(file), "The folder could not be shown");
    }

    /** Copies the previewed version of the artifact to where the user chooses. */
    public void saveAs() {
        Path file = shownFile.get();
        if (file == null) {
            return;
        }
        dialogs.chooseSaveFile("Save a copy", folder, file.getFileName().toString()).ifPresent(target ->
                tasks.run(() -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING),
                        copied -> dialogs.showInfo("Saved", "A copy is at " + target),
                        failure -> dialogs.showError("The copy could not be saved", failure.getMessage()
                                + " — pick another folder.")));
    }

    /** Opens a dev server's page in the preview's browser (loopback only). */
    public void openDevServer(String url) {
        if (DevServers.isLoopback(url)) {
            selected.set(null);
            browserUrl.set(url);
        }
    }

    @Override
    public void close() {
        journal.close();
        stopWatching();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** On the journal's thread: a new artifact, write, tool output or checkpoint of the watched quest. */
    private void onEntries(List<JournalEntry> batch) {
        for (JournalEntry entry : batch) {
            if (entry.questId().equals(watched) && (ArtifactDetector.TYPES.contains(entry.type())
                    || entry.event() instanceof QuestEvent.SessionStatusIdle)) {
                if (!reloadPending.getAndSet(true)) {
                    reloads.execute(() -> {
                        reloadPending.set(false);
                        queueReload();
                    });
                }
                return;
            }
        }
    }

    private void queueReload() {
        if (visible) {
            reload();
        } else {
            stale = true;
        }
    }

    private void selectionChanged(Artifact artifact) {
        if (artifact != null) {
            browserUrl.set(null);
        }
        asSlides.set(false);
        if (artifact != null && artifact.exists() && (artifact.kind() == dev.questbench.preview.FileKind.HTML
                || artifact.kind() == dev.questbench.preview.FileKind.MARKDOWN)) {
            tasks.run(() -> dev.questbench.preview.SlideDeck.looksLikeDeck(artifact.name(), head(artifact.file())),
                    deck -> asSlides.set(deck && artifact.equals(selected.get())), failure -> { });
        }
        versions.setAll(FileVersions.Version.NOW);
        version.set(FileVersions.Version.NOW);
        showVersion(FileVersions.Version.NOW);
        if (artifact != null && folder != null) {
            loadVersions(artifact);
        }
    }

    private static String head(Path file) throws java.io.IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(2 * 1024 * 1024), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private void loadVersions(Artifact artifact) {
        Path in = folder;
        Git located = sources.git();
        if (located == null) {
            return;
        }
        String id = questId.get();
        tasks.run(() -> versionsOf(located, id, in, artifact.path()), found -> {
            if (artifact.equals(selected.get())) {
                versions.setAll(found);
            }
        }, failure -> { }); // without checkpoints there is only "Now"
    }

    private List<FileVersions.Version> versionsOf(Git located, String id, Path in, String path) {
        List<JournalEntry> checkpoints = store.journal().readByType(id,
                Set.of(EventTypes.typeOf(QuestEvent.Checkpoint.class)), 0);
        return versionStore(located).list(checkpoints, in, path);
    }

    private FileVersions versionStore(Git located) {
        return new FileVersions(located, sources.shadowRoot(), store.dataDir().resolve("preview-versions"));
    }

    private void showVersion(FileVersions.Version wanted) {
        Artifact artifact = selected.get();
        stopWatching();
        if (artifact == null || wanted == null || !artifact.exists() && wanted.commit() == null) {
            shownFile.set(null);
            return;
        }
        if (wanted.commit() == null) {
            shownFile.set(artifact.file());
            try { // registering a watch is one quick system call, not a read
                watch = FileWatcher.watch(artifact.file(), RELOAD_QUIET_MILLIS, () -> fxExecutor.execute(() -> {
                    if (artifact.file().equals(shownFile.get())) {
                        revision.set(revision.get() + 1);
                    }
                }));
            } catch (java.io.IOException | RuntimeException e) {
                watch = null; // no live reload for this file; the preview still shows
            }
            return;
        }
        Path in = folder;
        Git located = sources.git();
        tasks.run(() -> versionStore(located).extract(wanted, in, artifact.path()), extracted -> {
            if (wanted.equals(version.get()) && artifact.equals(selected.get())) {
                shownFile.set(extracted);
            }
        }, failure -> dialogs.showError("That version cannot be shown", failure.getMessage()));
    }

    private void stopWatching() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /** Something done with the previewed file in the background. */
    @FunctionalInterface
    private interface FileAction {
        void run(Path file) throws Exception;
    }

    private void withSelected(FileAction action, String title) {
        Path file = shownFile.get();
        if (file != null) {
            tasks.run(() -> action.run(file), failure -> dialogs.showError(title, failure.getMessage()));
        }
    }
}
