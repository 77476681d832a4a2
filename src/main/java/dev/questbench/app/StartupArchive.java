package dev.questbench.app;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app's class-data-sharing archive, made on the machine where the app lives.
 *
 * <p>The installers ship the class list of a real start ({@code questbench.classlist}); the launcher names the
 * archive with {@code -XX:SharedArchiveFile}. A JDK 17 archive holds the class path's absolute paths, so it is
 * dumped where the app is installed: by the Linux packages' post-install step ({@code --cds-archive}), or by
 * the app itself, in the background after its first frame, when it starts without a usable archive in a folder
 * it may write to (an app image that was unpacked or moved, a per-user install). Only in a packaged app, which
 * is recognised by the launcher's {@code -XX:SharedArchiveFile} option; a checkout's {@code java} never has it.
 *
 * @param archive   where the launcher looks for the archive
 * @param classList the class list next to it
 * @param jvmOptions the launcher's JVM options the dump must share (GC, properties), without the CDS ones
 * @param classPath  the app's class path, as the launcher gives it (the archive is valid for exactly this one)
 */
public record StartupArchive(Path archive, Path classList, List<String> jvmOptions, String classPath) {
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

    public StartupArchive {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** The archive of this process's launcher, or empty when not started by a packaged launcher. */
    public static Optional<StartupArchive> ofThisProcess() {
        return of(ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"));
    }

    /** The archive named by these JVM options, or empty when they name none or no class list lies beside it. */
    static Optional<StartupArchive> of(List<String> inputArguments, String classPath) {
        Path archive = null;
        List<String> options = new ArrayList<>();
        for (String argument : inputArguments) {
            if (argument.startsWith(ARCHIVE_OPTION)) {
                archive = Path.of(argument.substring(ARCHIVE_OPTION.length())).toAbsolutePath();
            } else if (!argument.startsWith("-Xlog") && !argument.startsWith("-XX:DumpLoadedClassList")
                    && !argument.startsWith("-Xshare") && !argument.startsWith("-javaagent")
                    && !argument.startsWith("-agent")) {
                options.add(argument);
            }
        }
        if (archive == null) {
            return Optional.empty();
        }
        Path classList = archive.resolveSibling("questbench.classlist");
        return Files.isRegularFile(classList) ? Optional.of(new StartupArchive(archive, classList, options, classPath))
                : Optional.empty();
    }

    /**
     * Whether this process started without the archive: it is missing, or was made for another folder or
     * runtime (the JVM then runs with class sharing off, which {@code java.vm.info} shows).
     */
    public boolean unusedByThisProcess() {
        return !Files.isRegularFile(archive) || !System.getProperty("java.vm.info", "").contains("sharing");
    }

    /** Whether the archive's folder can be written by this user (an installed app's often cannot). */
    public boolean writable() {
        return Files.isWritable(archive.getParent());
    }

    /**
     * Dumps the archive from the class list with this process's runtime and class path, into a temporary file
     * that then replaces the archive (a launcher starting meanwhile never maps half a file).
     *
     * @param lowPriority run the dump with {@code nice} where there is one, so it does not slow the app
     * @return the archive's size in bytes
     * @throws IOException with what went wrong, the JVM's own output included
     */
    public long dump(boolean lowPriority) throws IOException {
        // a name of its own: two first starts at once must not write into one file
        Path partial = Files.createTempFile(archive.getParent(), archive.getFileName() + ".", ".part");
        Files.delete(partial); // the JVM writes it anew
        Path output = Files.createTempFile("questbench-cds", ".log");
        List<String> command = new ArrayList<>();
        Path nice = Path.of("/usr/bin/nice");
        if (lowPriority && Files.isExecutable(nice)) {
            command.addAll(List.of(nice.toString(), "-n", "10"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + partial, "-Xlog:cds=error", "-Xlog:cds+heap=error"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("the JVM did not finish dumping the archive within 5 minutes");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(partial)) {
                throw new IOException("the JVM could not dump the archive (exit " + process.exitValue() + "): "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(failureMarker());
            return Files.size(archive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dumping the archive", e);
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(output);
        }
    }

    /** Written when a background dump failed, so later starts do not spend the same seconds failing again. */
    Path failureMarker() {
        return archive.resolveSibling(archive.getFileName() + ".failed");
    }

    /** {@code --cds-archive}: dumps the archive now and says where (the Linux packages' post-install step). */
    static int dumpNow(PrintStream out, PrintStream err) {
        Optional<StartupArchive> startupArchive = ofThisProcess();
        if (startupArchive.isEmpty()) {
            err.println("questbench: --cds-archive works in an installed Questbench only (its launcher names the "
                    + "archive and ships the class list); a checkout needs none.");
            return Launcher.EXIT_FAILURE;
        }
        if (!startupArchive.get().writable()) {
            err.println("questbench: cannot write the start-up archive into " + startupArchive.get().archive()
                    .getParent() + " as this user; run it as one who may (the packages run it as root: "
                    + "sudo questbench --cds-archive). Questbench still works; it starts more slowly without it.");
            return Launcher.EXIT_FAILURE;
        }
        try {
            long bytes = startupArchive.get().dump(false);
            out.printf("questbench: start-up archive written to %s (%d MB)%n", startupArchive.get().archive(),
                    bytes >> 20);
            return Launcher.EXIT_OK;
        } catch (IOException e) {
            err.println("questbench: the start-up archive could not be written to " + startupArchive.get().archive()
                    + ": " + e.getMessage() + " Questbench still works; it starts more slowly without it.");
            return Launcher.EXIT_FAILURE;
        }
    }

    /**
     * After the desktop app's first frame: when this process ran without its archive and may write one, dumps it
     * on a background thread for the next start. Failures only go to the log.
     */
    static void refreshInBackground(PrintStream log) {
        Thread thread = new Thread(() -> ofThisProcess().filter(StartupArchive::worthMaking)
                .ifPresent(startupArchive -> startupArchive.makeForNextStart(log, 5_000)), "questbench-cds-archive");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** This process ran without a usable archive, may write one, and no earlier background attempt failed. */
    boolean worthMaking() {
        return unusedByThisProcess() && writable() && !Files.exists(failureMarker());
    }

    /**
     * Dumps the archive at low priority once {@code delayMillis} have passed (the start's own loading comes
     * first). A failure goes to the log and leaves {@link #failureMarker()}, so later starts do not repeat it.
     */
    void makeForNextStart(PrintStream log, long delayMillis) {
        try {
            Thread.sleep(delayMillis);
            long bytes = dump(true);
            log.printf("questbench: start-up archive written to %s (%d MB); the next start uses it%n", archive,
                    bytes >> 20);
        } catch (IOException e) {
            log.println("questbench: no start-up archive (not tried again until `questbench --cds-archive` "
                    + "succeeds): " + e.getMessage());
            try {
                Files.writeString(failureMarker(), e.getMessage() + "\n");
            } catch (IOException ignored) {
                // without the marker the next start tries again, which is only slower
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
