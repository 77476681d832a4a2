package dev.questbench.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One callback for a burst of writes to the watched file; writes to its neighbours are ignored. */
class FileWatcherTest {
    @TempDir
    Path dir;

    @Test
    void aBurstOfWritesMakesOneCallback() throws Exception {
        Path file = dir.resolve("index.html");
        Files.writeString(file, "v1");
        AtomicInteger calls = new AtomicInteger();
        Semaphore called = new Semaphore(0);
        try (FileWatcher watcher = FileWatcher.watch(file, 150, () -> {
            calls.incrementAndGet();
            called.release();
        })) {
            Files.writeString(dir.resolve("other.txt"), "not watched");
            for (int i = 2; i <= 5; i++) {
                Files.writeString(file, "v" + i);
            }
            assertTrue(called.tryAcquire(10, TimeUnit.SECONDS), "the write was seen");
            assertEquals(false, called.tryAcquire(400, TimeUnit.MILLISECONDS), "and only once");
            Files.writeString(file, "v6");
            assertTrue(called.tryAcquire(10, TimeUnit.SECONDS), "a later write is seen again");
        }
        assertEquals(2, calls.get());
    }

    @Test
    void kindsByExtensionAndContent() throws Exception {
        assertEquals(FileKind.CSV, FileKind.byName("data/Sales.TSV"));
        assertEquals(FileKind.IMAGE, FileKind.byName("a.jpeg"));
        assertEquals(FileKind.TEXT, FileKind.byName("Main.java"));
        Path unknown = dir.resolve("notes.unknownext");
        Files.writeString(unknown, "plain words é");
        assertEquals(FileKind.TEXT, FileKind.of(unknown));
        Path binary = dir.resolve("blob.bin");
        Files.write(binary, new byte[] {1, 0, 2, 3});
        assertEquals(FileKind.BINARY, FileKind.of(binary));
    }
}
