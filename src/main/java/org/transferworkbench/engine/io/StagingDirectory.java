package org.transferworkbench.engine.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hidden sibling folder that is filled first and renamed onto the target only when complete. Closing it
 * without {@link #publish()} (cancel, failure) deletes it, so a half-written folder (a dataset, a bundle) never appears at the target.
 */
public final class StagingDirectory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StagingDirectory.class);

    private final Path target;
    private final Path path;
    private boolean published;

    private StagingDirectory(Path target, Path path) {
        this.target = target;
        this.path = path;
    }

    public static StagingDirectory beside(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        for (int attempt = 0; ; attempt++) {
            Path candidate = sibling(absolute, ".staging-");
            try {
                return new StagingDirectory(absolute, Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Renames the staging folder onto the target. An existing target is first renamed aside (a directory cannot
     * be renamed over a non-empty one) and restored if the second rename fails.
     */
    public void publish() throws IOException {
        Path previous = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            previous = sibling(target, ".old-");
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (previous != null) {
                Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        published = true;
        if (previous != null) {
            try {
                deleteRecursively(previous);
            } catch (IOException e) {
                // The new folder is already in place; a leftover hidden folder is untidy, not wrong.
                LOG.warn("Could not delete the replaced folder at {}", previous, e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (!published) {
            deleteRecursively(path);
        }
    }

    private static Path sibling(Path target, String kind) {
        String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
        return target.resolveSibling("." + target.getFileName() + kind + suffix);
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
