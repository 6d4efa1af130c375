package org.transferworkbench.engine.runs;

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

/** The folder of runs: {@code <root>/<yyyyMMdd-HHmmss>-<name>/}, one folder per run, never shared. */
public final class RunStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    public RunStore(Path root) {
        this.root = root;
    }

    /**
     * Where runs go unless the user says otherwise: {@code -Dtw.runsDir}, else {@code $TW_RUNS_DIR}, else
     * {@code runs/} in the Workbench's folder, else (an installed, read-only copy) ~/.transfer-workbench/runs.
     */
    public static Path defaultRoot(Path home) {
        String chosen = System.getProperty("tw.runsDir");
        if (chosen == null || chosen.isBlank()) {
            chosen = System.getenv("TW_RUNS_DIR");
        }
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        Path beside = home.resolve("runs");
        boolean writable = Files.isDirectory(beside) ? Files.isWritable(beside) : Files.isWritable(home);
        return writable ? beside : Path.of(System.getProperty("user.home"), ".transfer-workbench", "runs");
    }

    public Path root() {
        return root;
    }

    /**
     * Creates a new, empty run folder. Creating a directory is atomic, so two runs started in the same second, in
     * one process or two, get different folders.
     */
    public RunDirectory create(String name, LocalDateTime now) throws IOException {
        Files.createDirectories(root);
        String base = STAMP.format(now) + "-" + sanitize(name);
        for (int attempt = 1; attempt < 1000; attempt++) {
            Path candidate = root.resolve(attempt == 1 ? base : base + "-" + attempt);
            try {
                Files.createDirectory(candidate);
                return new RunDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                // taken by another run: try the next suffix
            }
        }
        throw new IOException("Could not create a new run folder under " + root + ".");
    }

    /** Runs that have a run.json, newest first. */
    public List<RunDirectory> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<RunDirectory> runs = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isRegularFile(p.resolve(RunDirectory.STATUS)))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .forEach(p -> runs.add(new RunDirectory(p)));
        }
        return runs;
    }

    /** Finds a run by its folder name, a unique prefix of it, a unique part of it, or a path. */
    public RunDirectory open(String idOrPath) throws IOException {
        Path direct = Path.of(idOrPath);
        if (Files.isRegularFile(direct.resolve(RunDirectory.STATUS))) {
            return new RunDirectory(direct);
        }
        List<RunDirectory> all = list();
        List<RunDirectory> exact = all.stream().filter(r -> r.id().equals(idOrPath)).toList();
        if (exact.size() == 1) {
            return exact.get(0);
        }
        List<RunDirectory> partial = all.stream().filter(r -> r.id().contains(idOrPath)).toList();
        if (partial.size() == 1) {
            return partial.get(0);
        }
        if (partial.isEmpty()) {
            throw new IOException("No run '" + idOrPath + "' in " + root + " (list them with: runs).");
        }
        throw new IOException("'" + idOrPath + "' matches " + partial.size() + " runs; give more of the name: "
                + partial.stream().limit(5).map(RunDirectory::id).toList() + ".");
    }

    public void delete(RunDirectory run) throws IOException {
        try (Stream<Path> s = Files.walk(run.path())) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String sanitize(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "run" : s.length() > 60 ? s.substring(0, 60) : s;
    }
}
