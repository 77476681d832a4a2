package dev.questbench.preview;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches one file and calls back once a burst of writes to it has been quiet for {@code quietMillis} (a writer
 * that truncates then writes in pieces makes one reload, not five). Callbacks run on the watcher's own thread.
 * Known limit: some platforms' watch services poll (macOS every few seconds); Linux and Windows are immediate.
 */
public final class FileWatcher implements AutoCloseable {
    private final Path file;
    private final Runnable onChange;
    private final long quietMillis;
    private final WatchService service;
    private final ScheduledExecutorService timer;
    private final Thread thread;
    private ScheduledFuture<?> pending;

    private FileWatcher(Path file, long quietMillis, Runnable onChange) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.onChange = onChange;
        this.quietMillis = quietMillis;
        this.service = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(service, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "preview-reload"));
        this.thread = daemon(this::watch, "preview-watch " + this.file.getFileName());
        thread.start();
    }

    /** Starts watching; close it when the preview goes away. */
    public static FileWatcher watch(Path file, long quietMillis, Runnable onChange) throws IOException {
        return new FileWatcher(file, quietMillis, onChange);
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // closing a watch service only fails when it is already closed
        }
        timer.shutdownNow();
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = service.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.context() instanceof Path name && name.equals(file.getFileName())
                            || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        schedule();
                    }
                }
                if (!key.reset()) {
                    return; // the folder is gone
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        try {
            pending = timer.schedule(onChange, quietMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed while a write arrived: nobody is watching any more
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
