package dev.questbench.ui.preview;

import dev.questbench.preview.PreviewServer;
import dev.questbench.ui.common.DialogService;
import dev.questbench.ui.common.TaskRunner;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What renderers share: the task runner for reading files, the system apps, the dialogs, the loopback server web
 * previews load from, and whether web previews may reach hosts other than this machine.
 */
record RenderContext(TaskRunner tasks, SystemApps apps, DialogService dialogs,
                     java.util.function.Supplier<PreviewServer> servers, ObservableBooleanValue allowNetwork) {

    /** With a server already running (tests, benchmarks). */
    RenderContext(TaskRunner tasks, SystemApps apps, DialogService dialogs, PreviewServer server,
                  ObservableBooleanValue allowNetwork) {
        this(tasks, apps, dialogs, () -> server, allowNetwork);
    }

    /** The loopback server web previews load from; the shared one starts on the first call (not at start-up). */
    PreviewServer server() {
        return servers.get();
    }

    /** The app's one preview server, started the first time a web preview needs it. */
    static PreviewServer sharedServer() {
        return Shared.SERVER;
    }

    /** Holder: the server starts when first asked for (class initialisation is lazy and thread-safe). */
    private static final class Shared {
        private static final PreviewServer SERVER = start();

        private static PreviewServer start() {
            try {
                return PreviewServer.start();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("The preview server could not listen on 127.0.0.1", e);
            }
        }
    }
}
