package dev.questbench.workspace.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file's line count read in a stream, or binary when its head holds a NUL byte (git's own test). */
record LineCount(int lines, boolean binary) {

    static LineCount of(Path file, int sniff) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long lines = 0;
        long seen = 0;
        int last = '\n';
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == 0 && seen + i < sniff) {
                        return new LineCount(0, true);
                    }
                    if (b == '\n') {
                        lines++;
                    }
                }
                seen += read;
                last = buffer[read - 1];
            }
        }
        if (last != '\n') {
            lines++; // a last line without a final newline
        }
        return new LineCount((int) Math.min(lines, Integer.MAX_VALUE), false);
    }
}
