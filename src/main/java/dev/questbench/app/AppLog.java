package dev.questbench.app;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The packaged desktop app's log: what the app prints also goes to {@code <data dir>/logs/questbench.log}, since a
 * launcher started from a menu has no terminal to print to.
 */
final class AppLog {
    /** Set by the jpackage launcher: the app runs from an installed image. */
    static final String PACKAGED_PROPERTY = "jpackage.app-path";
    static final long ROTATE_BYTES = 5L * 1024 * 1024;

    private AppLog() {
    }

    /** In the packaged app, copies {@code System.out} and {@code System.err} into the log file; else does nothing. */
    static void startIfPackaged(Path dataDir, PrintStream err) {
        if (System.getProperty(PACKAGED_PROPERTY) == null) {
            return;
        }
        try {
            OutputStream file = open(dataDir);
            System.setOut(new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new Tee(System.err, file), true, StandardCharsets.UTF_8));
        } catch (IOException e) {
            err.println("questbench: cannot write the log in " + dataDir.resolve("logs") + ": " + e.getMessage());
        }
    }

    /** Opens {@code logs/questbench.log} for appending, first moving a file over the size limit to {@code .1}. */
    static OutputStream open(Path dataDir) throws IOException {
        Path logs = Files.createDirectories(dataDir.resolve("logs"));
        Path log = logs.resolve("questbench.log");
        if (Files.isRegularFile(log) && Files.size(log) > ROTATE_BYTES) {
            Files.move(log, logs.resolve("questbench.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        return new FileOutputStream(log.toFile(), true);
    }

    /** Writes to two streams; a failing log file never silences the terminal. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            try {
                second.write(b);
            } catch (IOException ignored) {
                // the terminal copy already went out
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            try {
                second.write(bytes, offset, length);
            } catch (IOException ignored) {
                // the terminal copy already went out
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            try {
                second.flush();
            } catch (IOException ignored) {
                // the terminal copy already went out
            }
        }
    }
}
