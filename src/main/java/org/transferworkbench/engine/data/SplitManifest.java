package org.transferworkbench.engine.data;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.transferworkbench.engine.io.AtomicFiles;

/**
 * Which image belongs to which split, stored next to a run so that evaluation months later uses exactly the
 * same test images. Immutable.
 *
 * <p>File format (UTF-8 CSV, version 1):
 * <pre>
 * # transfer-workbench split manifest v1 fingerprint=&lt;dataset fingerprint&gt;
 * relative_path,class,group,split
 * cats/a.jpg,cats,cats/a.jpg,train
 * </pre>
 */
public final class SplitManifest {
    static final int FORMAT_VERSION = 1;
    private static final String[] HEADER = {"relative_path", "class", "group", "split"};
    private static final Pattern COMMENT = Pattern.compile(
            "transfer-workbench split manifest v(\\d+) fingerprint=([0-9a-fA-F]*)");
    private static final int MISSING_FILES_SHOWN = 5;

    private final List<SplitEntry> entries;
    private final List<String> classNames;
    private final String datasetFingerprint;

    public SplitManifest(List<SplitEntry> entries, List<String> classNames, String datasetFingerprint) {
        this.entries = List.copyOf(entries);
        this.classNames = List.copyOf(classNames);
        this.datasetFingerprint = Objects.requireNonNull(datasetFingerprint);
    }

    public List<SplitEntry> entries() {
        return entries;
    }

    public List<SplitEntry> entries(Split split) {
        return entries.stream().filter(entry -> entry.split() == split).toList();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** Per class (in class order), the number of images in each split, zeros included. */
    public Map<String, Map<Split, Integer>> countsByClass() {
        Map<String, Map<Split, Integer>> counts = new LinkedHashMap<>();
        for (String className : classNames) {
            Map<Split, Integer> perSplit = new EnumMap<>(Split.class);
            for (Split split : Split.values()) {
                perSplit.put(split, 0);
            }
            counts.put(className, perSplit);
        }
        entries.forEach(entry -> counts.get(entry.className()).merge(entry.split(), 1, Integer::sum));
        counts.replaceAll((className, perSplit) -> Collections.unmodifiableMap(perSplit));
        return Collections.unmodifiableMap(counts);
    }

    /** The {@link DatasetScan#fingerprint()} of the dataset this split was made from. */
    public String datasetFingerprint() {
        return datasetFingerprint;
    }

    public void write(Path csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setCommentMarker('#')
                .setHeaderComments("transfer-workbench split manifest v" + FORMAT_VERSION
                        + " fingerprint=" + datasetFingerprint)
                .setHeader(HEADER)
                .setRecordSeparator("\n")
                .get();
        AtomicFiles.write(csv, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, format);
            for (SplitEntry entry : entries) {
                printer.printRecord(entry.relativePath(), entry.className(), entry.group(), entry.split().csvName());
            }
            printer.flush(); // not close(): AtomicFiles syncs the file before closing it
        });
    }

    public static SplitManifest read(Path csv) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(reader)) {
            String fingerprint = fingerprintFromComment(csv, parser.getHeaderComment());
            if (!parser.getHeaderNames().equals(List.of(HEADER))) {
                throw new IOException(csv + " is not a split manifest: expected the columns "
                        + String.join(",", HEADER) + " but found " + String.join(",", parser.getHeaderNames()));
            }
            List<SplitEntry> entries = new ArrayList<>();
            for (CSVRecord record : parser) {
                entries.add(entryOf(csv, record));
            }
            Set<String> classNames = new TreeSet<>();
            entries.forEach(entry -> classNames.add(entry.className()));
            return new SplitManifest(entries, List.copyOf(classNames), fingerprint);
        }
    }

    /**
     * Checks that this split belongs to the scanned dataset.
     *
     * @throws IllegalArgumentException when files named here are missing from the scan, or the dataset changed
     */
    public void verifyAgainst(DatasetScan scan) {
        Set<String> present = scan.images().stream().map(ImageRecord::relativePath).collect(Collectors.toSet());
        List<String> missing = entries.stream().map(SplitEntry::relativePath)
                .filter(path -> !present.contains(path)).toList();
        if (!missing.isEmpty()) {
            String shown = missing.stream().limit(MISSING_FILES_SHOWN).collect(Collectors.joining(", "));
            String more = missing.size() > MISSING_FILES_SHOWN
                    ? " and " + (missing.size() - MISSING_FILES_SHOWN) + " more" : "";
            throw new IllegalArgumentException("The split names " + missing.size() + " file(s) that are not usable "
                    + "images in " + scan.root() + ": " + shown + more + ". Restore them or make a new split.");
        }
        if (!datasetFingerprint.equals(scan.fingerprint())) {
            throw new IllegalArgumentException("This split was made for a different version of the dataset "
                    + "(fingerprint " + abbreviate(datasetFingerprint) + ", the folder now gives "
                    + abbreviate(scan.fingerprint()) + "): images were added, removed or changed. "
                    + "Make a new split, or point to the original dataset folder.");
        }
    }

    private static String fingerprintFromComment(Path csv, String comment) throws IOException {
        Matcher matcher = comment == null ? null : COMMENT.matcher(comment.strip());
        if (matcher == null || !matcher.find()) {
            throw new IOException(csv + " is not a split manifest: the first line must be '# transfer-workbench "
                    + "split manifest v" + FORMAT_VERSION + " fingerprint=...'");
        }
        int version = Integer.parseInt(matcher.group(1));
        if (version != FORMAT_VERSION) {
            throw new IOException(csv + " is a split manifest of format version " + version
                    + ", which this version of the app cannot read (it reads version " + FORMAT_VERSION + ")");
        }
        return matcher.group(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static SplitEntry entryOf(Path csv, CSVRecord record) throws IOException {
        if (!record.isConsistent()) {
            throw new IOException(csv + " line " + record.getRecordNumber() + " does not have "
                    + HEADER.length + " columns");
        }
        try {
            return new SplitEntry(record.get(0), record.get(1), record.get(2), Split.fromCsvName(record.get(3)));
        } catch (IllegalArgumentException e) {
            throw new IOException(csv + " record " + record.getRecordNumber() + ": " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) + "…" : hex;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SplitManifest that && entries.equals(that.entries)
                && classNames.equals(that.classNames) && datasetFingerprint.equals(that.datasetFingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, classNames, datasetFingerprint);
    }

    @Override
    public String toString() {
        return "SplitManifest[" + entries.size() + " images, " + classNames.size() + " classes, dataset "
                + abbreviate(datasetFingerprint) + "]";
    }
}
