package org.transferworkbench.engine.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.transferworkbench.engine.io.AtomicFiles;

/** A bundle folder as one zip file, and back. */
final class BundleZip {

    private BundleZip() {
    }

    /** Zips every file below {@code folder}, paths relative to it, written atomically to {@code target}. */
    static void write(Path folder, Path target) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Path f : files) {
                ZipEntry entry = new ZipEntry(relative(folder, f));
                entry.setTime(Files.getLastModifiedTime(f).toMillis());
                zip.putNextEntry(entry);
                Files.copy(f, zip);
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /** Unpacks {@code zip} into the empty folder {@code target}; entries that would land outside it are refused. */
    static void extract(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Path out = root.resolve(e.getName()).normalize();
                if (!out.startsWith(root) || out.equals(root)) {
                    throw new IOException(zip + " is not a valid bundle: its entry '" + e.getName()
                            + "' points outside the bundle.");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(z, out);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(zip + " is not a readable zip file (" + e.getMessage() + ").", e);
        }
    }

    static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
