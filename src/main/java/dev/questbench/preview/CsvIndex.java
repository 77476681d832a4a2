package dev.questbench.preview;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Where each record of a delimited text file starts, found by one streaming pass that keeps only the offsets (8
 * bytes a record), never the file; a quoted field may hold line breaks. The index grows while it is built, so the
 * first screen can show before the pass ends. Safe to read from any thread while one thread builds it.
 */
public final class CsvIndex {
    private static final int CHUNK = 1 << 20;
    private static final int PUBLISH_EVERY = 65_536;

    private volatile long[] starts = new long[1024];
    private volatile int count;
    private volatile boolean complete;
    private volatile long fileSize;

    /** Records found so far (a trailing record without a line break counts). */
    public int count() {
        return count;
    }

    /** Whether the pass reached the end of the file. */
    public boolean complete() {
        return complete;
    }

    /** Byte range {start, end} of record {@code row}, without its line break. */
    public long[] range(int row) {
        long[] snapshot = starts;
        int known = count;
        if (row < 0 || row >= known) {
            throw new IndexOutOfBoundsException("row " + row + " of " + known);
        }
        long end = row + 1 < known ? snapshot[row + 1] : fileSize;
        return new long[] {snapshot[row], end};
    }

    /**
     * Scans the file, publishing progress every so many records to {@code progress} (with the count so far) and
     * once at the end; stops early when the thread is interrupted.
     */
    public void build(Path file, IntConsumer progress) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long position = 0;
            boolean quoted = false;
            boolean atRecordStart = true;
            long[] local = starts;
            int found = 0;
            int published = 0;
            while (position < size && !Thread.currentThread().isInterrupted()) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                byte[] bytes = buffer.array();
                for (int i = 0; i < read; i++) {
                    byte b = bytes[i];
                    if (atRecordStart) {
                        if (found == local.length) {
                            local = Arrays.copyOf(local, local.length * 2);
                        }
                        local[found++] = position + i;
                        atRecordStart = false;
                    }
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n' && !quoted) {
                        atRecordStart = true;
                    }
                }
                position += read;
                if (found - published >= PUBLISH_EVERY || published == 0 && found > 0) {
                    publish(local, found, size);
                    published = found;
                    progress.accept(found);
                }
            }
            publish(local, found, size);
            complete = !Thread.currentThread().isInterrupted();
            progress.accept(found);
        }
    }

    private void publish(long[] local, int found, long size) {
        fileSize = size;
        starts = local;
        count = found;
    }
}
