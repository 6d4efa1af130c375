package org.transferworkbench.engine.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes files so that readers see either the old content or the complete new content, never a torn file:
 * the data goes to a temporary file in the same directory (same file system, so the move can be atomic),
 * is forced to disk, and then replaces the target in one rename.
 */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {
    }

    public static void write(Path target, IOConsumer<OutputStream> writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: it makes the file private to its owner (0600), and after the rename every run
        // file would be unreadable to the group on a shared server. A fresh name under the umask, like any file.
        Path temp = temporarySibling(absolute);
        try {
            WriteFaults.check(absolute);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW)) {
                // Not closing the stream here: closing the channel below does it, after the fsync.
                OutputStream out = Channels.newOutputStream(channel);
                writer.accept(out);
                out.flush();
                channel.force(true);
            }
            move(temp, absolute);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /** Copies {@code source} over {@code target} so that readers see the old target or the whole new one. */
    public static void copy(Path source, Path target) throws IOException {
        write(target, out -> Files.copy(source, out));
    }

    /**
     * Makes {@code target} a second name of {@code source}'s content, replacing it atomically: a hard link, which
     * costs nothing however large the file, and a copy where the file system has no hard links. Only for files
     * that are never rewritten in place, as none written through this class are.
     */
    public static void link(Path source, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        WriteFaults.check(absolute);
        Path temp = temporarySibling(absolute);
        try {
            Files.createLink(temp, source);
        } catch (UnsupportedOperationException | FileSystemException e) {
            LOG.debug("No hard link from {} to {} ({}); copying", source, target, e.toString());
            copy(source, target);
            return;
        }
        try {
            move(temp, absolute);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static Path temporarySibling(Path absoluteTarget) {
        return absoluteTarget.resolveSibling("." + absoluteTarget.getFileName() + "." + UUID.randomUUID() + ".tmp");
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Some network file systems refuse atomic renames; a plain replace is still better than failing.
            LOG.warn("Atomic move not supported for {}; replacing non-atomically", target);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("Could not delete temporary file {}", temp, e);
        }
    }
}
