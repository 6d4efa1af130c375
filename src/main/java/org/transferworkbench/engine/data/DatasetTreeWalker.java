package org.transferworkbench.engine.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/**
 * Walks a dataset folder, following symbolic links (datasets are often assembled from links) while the
 * JDK's loop detection stops cycles, and sorts every file into "worth decoding" or "skipped, because".
 */
final class DatasetTreeWalker implements FileVisitor<Path> {
    private static final int PROGRESS_EVERY = 200;

    private final Path root;
    private final ProgressReporter progress;
    private final CancellationToken cancel;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();
    private final List<String> classFolders = new ArrayList<>();
    private long filesSeen;

    /** A file that passed the cheap checks and still has to be decoded. */
    record Candidate(Path file, String relativePath, String className, long size) {
    }

    DatasetTreeWalker(Path root, ProgressReporter progress, CancellationToken cancel) {
        this.root = root;
        this.progress = progress;
        this.cancel = cancel;
    }

    void walk() throws IOException {
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, this);
    }

    List<Candidate> candidates() {
        return candidates;
    }

    List<SkippedFile> skipped() {
        return skipped;
    }

    List<String> classFolders() {
        return classFolders;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        cancel.throwIfCancelled();
        if (dir.equals(root)) {
            return FileVisitResult.CONTINUE;
        }
        String name = dir.getFileName().toString();
        if (FileRules.isHiddenOrSystem(name)) {
            skipped.add(new SkippedFile(relative(dir), FileRules.HIDDEN_FOLDER));
            return FileVisitResult.SKIP_SUBTREE;
        }
        if (dir.getParent().equals(root)) {
            classFolders.add(name);
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        cancel.throwIfCancelled();
        if (++filesSeen % PROGRESS_EVERY == 0) {
            progress.report(filesSeen, -1, "Looking for images: " + filesSeen + " files so far");
        }
        String relativePath = relative(file);
        String name = file.getFileName().toString();
        if (file.getParent().equals(root)) {
            skipped.add(new SkippedFile(relativePath, FileRules.reasonInRoot(name)));
        } else if (attrs.isSymbolicLink()) {
            // With FOLLOW_LINKS only a link whose target is missing arrives here as a link.
            skipped.add(new SkippedFile(relativePath, "broken symbolic link: its target does not exist"));
        } else if (!attrs.isRegularFile()) {
            skipped.add(new SkippedFile(relativePath, "not a regular file"));
        } else {
            Optional<String> reason = FileRules.reasonToSkip(name, attrs.size());
            if (reason.isEmpty() && !Files.isReadable(file)) {
                reason = Optional.of(FileRules.PERMISSION_DENIED);
            }
            reason.ifPresentOrElse(why -> skipped.add(new SkippedFile(relativePath, why)),
                    () -> candidates.add(new Candidate(file, relativePath, classOf(relativePath), attrs.size())));
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException exc) {
        cancel.throwIfCancelled();
        skipped.add(new SkippedFile(relative(file), reasonFor(file, exc)));
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
        if (exc != null) {
            skipped.add(new SkippedFile(relative(dir), "folder could not be listed completely: " + exc.getMessage()));
        }
        return FileVisitResult.CONTINUE;
    }

    private static String reasonFor(Path file, IOException exc) {
        if (exc instanceof FileSystemLoopException) {
            return FileRules.LINK_LOOP;
        }
        String what = Files.isDirectory(file) ? "unreadable folder: " : "unreadable: ";
        if (exc instanceof AccessDeniedException) {
            return what + "permission denied";
        }
        return what + exc.getMessage();
    }

    private String relative(Path path) {
        List<String> parts = new ArrayList<>();
        root.relativize(path).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private static String classOf(String relativePath) {
        return relativePath.substring(0, relativePath.indexOf('/'));
    }
}
