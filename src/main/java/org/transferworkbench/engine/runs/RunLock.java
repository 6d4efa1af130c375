package org.transferworkbench.engine.runs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock held by the process that trains a run. The OS drops it when that process dies, however it dies,
 * which is how a run left RUNNING on disk is recognised as interrupted.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another process or thread already holds the run */
    public static RunLock acquire(Path lockFile) throws IOException {
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                throw new IllegalStateException("Run " + lockFile.getParent().getFileName()
                        + " is being trained by another process.");
            }
            return new RunLock(ch, l);
        } catch (OverlappingFileLockException e) {
            ch.close();
            throw new IllegalStateException("Run " + lockFile.getParent().getFileName()
                    + " is already being trained in this program.", e);
        }
    }

    /** Whether some live process (this one included) holds the lock. */
    public static boolean isHeld(Path lockFile) {
        try (RunLock ignored = acquire(lockFile)) {
            return false;
        } catch (IllegalStateException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
