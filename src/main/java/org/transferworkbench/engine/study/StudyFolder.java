package org.transferworkbench.engine.study;

import java.io.IOException;
import java.nio.file.Path;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.runs.RunLock;

/**
 * One study's folder, {@code <runs>/studies/<id>/}: study.json (the spec, dataset made absolute), queue.json (every
 * repeat and its state), splits/ (the k-fold split manifests) and a lock held while the study runs.
 */
public final class StudyFolder {
    public static final String SPEC = "study.json";
    public static final String QUEUE = "queue.json";
    static final String LOCK = ".lock";

    private final Path path;

    public StudyFolder(Path path) {
        this.path = path;
    }

    public String id() {
        return path.getFileName().toString();
    }

    public Path path() {
        return path;
    }

    public StudySpec readSpec() throws IOException {
        return StudySpecJson.read(path.resolve(SPEC));
    }

    public StudyQueue readQueue() throws IOException {
        StudyQueue queue = Json.read(path.resolve(QUEUE), StudyQueue.class);
        if (queue.formatVersion() != StudyQueue.FORMAT_VERSION) {
            throw new IOException(path.resolve(QUEUE) + " has format version " + queue.formatVersion()
                    + ", which this version of the app cannot read (it reads " + StudyQueue.FORMAT_VERSION + ").");
        }
        return queue;
    }

    public void writeQueue(StudyQueue queue) throws IOException {
        Json.writeAtomically(path.resolve(QUEUE), queue);
    }

    /** The split manifest of one seed and fold under k-fold cross-validation. */
    public Path foldSplit(long seed, int fold) {
        return path.resolve("splits").resolve("seed-" + seed + "-fold-" + (fold + 1) + ".csv");
    }

    /** Held while a process works through the queue, so two cannot run the same study at once. */
    public RunLock lock() throws IOException {
        try {
            return RunLock.acquire(path.resolve(LOCK));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Study " + id() + " is running right now (in this or another "
                    + "program); let it finish or cancel it first.", e);
        }
    }

    public boolean isRunning() {
        return RunLock.isHeld(path.resolve(LOCK));
    }

    @Override
    public String toString() {
        return id();
    }
}
