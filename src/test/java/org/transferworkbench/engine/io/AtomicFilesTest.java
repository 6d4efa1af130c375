package org.transferworkbench.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
        Path target = dir.resolve("sub/config.json");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second");

        assertThat(Files.readString(target)).isEqualTo("second");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailingWriterKeepsTheOldContentAndCleansUp() throws IOException {
        Path target = dir.resolve("metrics.csv");
        AtomicFiles.writeString(target, "old");

        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aLinkReplacesTheTargetAndOutlivesItsSource() throws IOException {
        Path checkpoint = dir.resolve("checkpoint-epoch-3.zip");
        Path best = dir.resolve("best-model.zip");
        AtomicFiles.writeString(best, "epoch 1");
        AtomicFiles.writeString(checkpoint, "epoch 3");

        AtomicFiles.link(checkpoint, best);
        assertThat(Files.readString(best)).isEqualTo("epoch 3");
        assertThat(Files.isSameFile(best, checkpoint)).isTrue();

        // The next epoch's checkpoint replaces this one: the best model keeps its content.
        Files.delete(checkpoint);
        assertThat(Files.readString(best)).isEqualTo("epoch 3");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(best);
        }
    }

    @Test
    void aLinkToAFullDiskFailsLikeAWriteAndKeepsTheOldTarget() throws Exception {
        Path source = dir.resolve("new.zip");
        Path target = dir.resolve("best-model.zip");
        AtomicFiles.writeString(source, "new");
        AtomicFiles.writeString(target, "old");
        try (AutoCloseable full = WriteFaults.inject(p -> p.getFileName().toString().equals("best-model.zip"))) {
            assertThatThrownBy(() -> AtomicFiles.link(source, target)).hasMessage("No space left on device");
        }
        assertThat(Files.readString(target)).isEqualTo("old");
    }

    @Test
    void writtenFilesGetTheUsualPermissionsNotPrivateTemporaryOnes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path written = dir.resolve("run.json");
        AtomicFiles.writeString(written, "{}");
        AtomicFiles.link(written, dir.resolve("linked.json"));

        // Whatever the umask makes of a new file, the atomic write makes the same: the group can read a run on a
        // shared server when the umask lets it.
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.getPosixFilePermissions(dir.resolve("linked.json")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
