package org.transferworkbench.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.ParallelImageValidator.Verdict;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/**
 * Reads a dataset laid out as one sub-folder per class ({@code root/cats/a.jpg}, {@code root/dogs/b.png}).
 *
 * <ul>
 *   <li>The class is the name of the top-level folder. Images in nested folders below a class folder belong to
 *       that class ({@code root/cats/2023/a.jpg} is a cat), so users can keep their own sub-structure.</li>
 *   <li>Files are kept only when they decode completely: name extension jpg, jpeg, png, bmp or gif (any case),
 *       format recognised by content, header no larger than {@link ImageDecoder#MAX_PIXELS}.</li>
 *   <li>Everything else is listed in {@link DatasetScan#skipped()} with a reason: empty, hidden or system files,
 *       other extensions, damaged or oversized images, unreadable files, symbolic link loops, images lying
 *       directly in the root.</li>
 * </ul>
 * The scan only reads; it never changes the dataset.
 */
public final class DatasetScanner {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetScanner.class);

    public DatasetScan scan(Path root, ProgressReporter progress, CancellationToken cancel) throws IOException {
        if (!Files.exists(root)) {
            throw new IOException("The dataset folder " + root + " does not exist.");
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("The dataset location " + root + " is not a folder; choose the folder that "
                    + "holds one sub-folder per class.");
        }
        Path absoluteRoot = root.toAbsolutePath().normalize();
        DatasetTreeWalker walker = new DatasetTreeWalker(absoluteRoot, progress, cancel);
        walker.walk();
        List<Verdict> verdicts = new ParallelImageValidator().validate(walker.candidates(), progress, cancel);

        List<ImageRecord> images = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>(walker.skipped());
        DatasetFingerprint fingerprint = new DatasetFingerprint();
        for (Verdict verdict : verdicts) {
            var candidate = verdict.candidate();
            if (verdict.usable()) {
                images.add(new ImageRecord(candidate.relativePath(), candidate.className()));
                fingerprint.add(candidate.relativePath(), candidate.size(), verdict.headHash());
            } else {
                skipped.add(new SkippedFile(candidate.relativePath(), verdict.skipReason()));
            }
        }
        DatasetScan scan = new DatasetScan(absoluteRoot, images, skipped, walker.classFolders(), fingerprint.toHex());
        progress.report(verdicts.size(), verdicts.size(), "Found " + images.size() + " images in "
                + scan.classNames().size() + " classes; skipped " + skipped.size() + " files");
        LOG.info("Scanned {}: {} images in {} classes, {} files skipped", absoluteRoot, images.size(),
                scan.classNames().size(), skipped.size());
        return scan;
    }
}
