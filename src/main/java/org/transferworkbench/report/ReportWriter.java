package org.transferworkbench.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.report.document.ReportBlock;
import org.transferworkbench.report.document.ReportDocument;
import org.transferworkbench.report.render.HtmlRenderer;
import org.transferworkbench.report.render.MarkdownRenderer;
import org.transferworkbench.report.render.ReportFormat;

/**
 * Writes a report folder as a whole: everything goes into a hidden staging folder beside the target, which then
 * replaces the previous report in two renames. A reader sees the old report or the complete new one, never half of
 * one; a failure leaves the old report in place.
 */
public final class ReportWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    /** Where the report lies and the files in it, relative to that folder. */
    public record Written(Path folder, List<String> files) {
        public Path file(ReportFormat format) {
            return folder.resolve(format.fileName());
        }
    }

    public Written write(ReportDocument doc, Path folder, Set<ReportFormat> formats) throws IOException {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one report format (html or md).");
        }
        Path target = folder.toAbsolutePath().normalize();
        requireReplaceable(target);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // a plain directory, not createTempDirectory: that one is private (0700), and a report is made to be shared
        Path staging = Files.createDirectory(parent.resolve("." + target.getFileName() + ".staging-"
                + java.util.UUID.randomUUID()));
        try {
            List<String> files = writeContents(doc, staging, formats);
            swapIn(staging, target);
            LOG.info("Report of {} written to {}", doc.subject(), target);
            return new Written(target, files);
        } finally {
            deleteTree(staging);
        }
    }

    private static List<String> writeContents(ReportDocument doc, Path dir, Set<ReportFormat> formats)
            throws IOException {
        List<String> files = new ArrayList<>();
        for (ReportBlock.Figure f : doc.figures()) {
            AtomicFiles.write(dir.resolve(ReportFormat.FIGURES).resolve(f.fileName()), out -> out.write(f.png()));
            files.add(ReportFormat.FIGURES + "/" + f.fileName());
        }
        for (ReportBlock.Attachment a : doc.attachments()) {
            AtomicFiles.copy(a.source(), dir.resolve(ReportFormat.FILES).resolve(a.fileName()));
            files.add(ReportFormat.FILES + "/" + a.fileName());
        }
        if (formats.contains(ReportFormat.HTML)) {
            AtomicFiles.writeString(dir.resolve(ReportFormat.HTML.fileName()), new HtmlRenderer().render(doc));
            files.add(ReportFormat.HTML.fileName());
        }
        if (formats.contains(ReportFormat.MARKDOWN)) {
            AtomicFiles.writeString(dir.resolve(ReportFormat.MARKDOWN.fileName()), new MarkdownRenderer().render(doc));
            files.add(ReportFormat.MARKDOWN.fileName());
        }
        Json.writeAtomically(dir.resolve(ReportManifest.FILE_NAME), new ReportManifest(
                ReportDocument.FORMAT_VERSION, doc.title(), doc.subject(), doc.generatedAt(), doc.generator(), files));
        for (String f : files) {
            readableByAll(dir.resolve(f));
        }
        readableByAll(dir.resolve(ReportManifest.FILE_NAME));
        return List.copyOf(files);
    }

    /** Atomic writes make private temporary files; a report is made to be shared, like a file saved normally. */
    private static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** Never replace a folder the user keeps other things in: only an empty one or an earlier report. */
    private static void requireReplaceable(Path target) throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(target + " is a file; the report needs a folder there.");
        }
        if (Files.isDirectory(target) && !Files.exists(target.resolve(ReportManifest.FILE_NAME))) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(target + " already holds files that are not a Workbench report; choose a "
                            + "new or empty folder.");
                }
            }
        }
    }

    private static void swapIn(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
            return;
        }
        Path old = target.resolveSibling("." + target.getFileName() + ".old-" + java.util.UUID.randomUUID());
        move(target, old);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(old, target); // put the previous report back
            throw e;
        }
        deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the temporary folder {}", dir, e);
        }
    }
}
