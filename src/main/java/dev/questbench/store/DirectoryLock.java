package dev.questbench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code questbench.lock} in the data directory, held while a store is open, so a
 * second store on the same folder (in this process or another) fails clearly instead of writing beside the
 * first. The OS drops the lock when the process dies, so a crash never leaves the folder locked.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "questbench.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very process holds it
            }
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw new StoreException("The data folder " + dataDir + " is already in use by another Questbench"
                        + holder + ". Close that one first, or use --data-dir to open another folder.");
            }
            // Who holds it, for the message another instance shows (a hint only; the lock is what counts).
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            return new DirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock the data folder " + dataDir + ": " + e.getMessage()
                    + ". Check that the folder is writable by you.", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        closeQuietly(channel);
    }

    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return ""; // Windows refuses to read a locked file; the message stays useful without the pid
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing left to do.
            }
        }
    }
}
