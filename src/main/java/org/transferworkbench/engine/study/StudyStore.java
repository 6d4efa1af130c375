package org.transferworkbench.engine.study;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The studies beside the runs: {@code <runs>/studies/<yyyyMMdd-HHmmss>-<name>/}. */
public final class StudyStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    /** @param runsRoot the run store's folder; studies live in its studies/ sub-folder */
    public StudyStore(Path runsRoot) {
        this.root = runsRoot.resolve("studies");
    }

    public Path root() {
        return root;
    }

    /** A new study folder with its spec and a queue of pending repeats. */
    public StudyFolder create(StudySpec spec, LocalDateTime now) throws IOException {
        Files.createDirectories(root);
        String base = STAMP.format(now) + "-" + sanitize(spec.name());
        for (int attempt = 1; attempt < 1000; attempt++) {
            Path candidate = root.resolve(attempt == 1 ? base : base + "-" + attempt);
            try {
                Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            StudyFolder study = new StudyFolder(candidate);
            StudySpecJson.write(candidate.resolve(StudyFolder.SPEC), spec);
            study.writeQueue(StudyQueue.plan(study.id(), spec));
            return study;
        }
        throw new IOException("Could not create a new study folder under " + root + ".");
    }

    /** Studies that have a queue, newest first. */
    public List<StudyFolder> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StudyFolder> result = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isRegularFile(p.resolve(StudyFolder.QUEUE)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .forEach(p -> result.add(new StudyFolder(p)));
        }
        return result;
    }

    /** By folder name, a unique part of it, or a path. */
    public StudyFolder open(String idOrPath) throws IOException {
        Path direct = Path.of(idOrPath);
        if (Files.isRegularFile(direct.resolve(StudyFolder.QUEUE))) {
            return new StudyFolder(direct);
        }
        List<StudyFolder> all = list();
        List<StudyFolder> exact = all.stream().filter(s -> s.id().equals(idOrPath)).toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        List<StudyFolder> partial = all.stream().filter(s -> s.id().contains(idOrPath)).toList();
        if (partial.size() == 1) {
            return partial.get(0);
        }
        if (partial.isEmpty()) {
            throw new IllegalArgumentException("No study '" + idOrPath + "' in " + root + ".");
        }
        throw new IllegalArgumentException("'" + idOrPath + "' matches " + partial.size() + " studies; give more of "
                + "the name: " + partial.stream().limit(5).map(StudyFolder::id).toList() + ".");
    }

    static String sanitize(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "study" : s.length() > 60 ? s.substring(0, 60) : s;
    }
}
