package org.transferworkbench.engine.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.model.VggVariant;

/** The downloader against a local server: success, corrupt data, dropped connections, cancel, offline. */
class WeightDownloaderTest {
    private static final byte[] CONTENT = new byte[3_000_000];
    private static final WeightDownloader DOWNLOADER =
            new WeightDownloader(Duration.ofSeconds(5), Duration.ofSeconds(5), 3, Duration.ofMillis(10));

    static {
        new Random(7).nextBytes(CONTENT);
    }

    @TempDir
    Path root;

    private static ZooWeights.ZooFile file(long checksum) {
        return new ZooWeights.ZooFile(VggVariant.VGG16, "test_weights.zip", checksum, CONTENT.length, false);
    }

    private static long adler(byte[] b) {
        Adler32 a = new Adler32();
        a.update(b);
        return a.getValue();
    }

    private Path folder() {
        return root.resolve("models").resolve("vgg16");
    }

    @Test
    void downloadsVerifiesAndReportsProgress() throws Exception {
        StringBuilder last = new StringBuilder();
        try (TestFileServer server = new TestFileServer(CONTENT, true, 0, 0)) {
            Path got = DOWNLOADER.fetch(file(adler(CONTENT)), server.baseUrl(), root,
                    (done, total, msg) -> last.replace(0, last.length(), msg), CancellationToken.none());
            assertThat(got).isEqualTo(folder().resolve("test_weights.zip"));
            assertThat(Files.readAllBytes(got)).isEqualTo(CONTENT);
            assertThat(folder().resolve("test_weights.zip.part")).doesNotExist();
            assertThat(last.toString()).contains("3.0 MB of 3.0 MB").contains("MB/s").contains("ETA");
            // A second call finds the verified file without asking the server.
            DOWNLOADER.fetch(file(adler(CONTENT)), server.baseUrl(), root, ProgressReporter.silent(),
                    CancellationToken.none());
            assertThat(server.rangeHeaders).hasSize(1);
        }
    }

    @Test
    void checksumMismatchKeepsNoFile() throws Exception {
        try (TestFileServer server = new TestFileServer(CONTENT, true, 0, 0)) {
            assertThatThrownBy(() -> DOWNLOADER.fetch(file(adler(CONTENT) + 1), server.baseUrl(), root,
                    ProgressReporter.silent(), CancellationToken.none()))
                    .isInstanceOf(IOException.class).hasMessageContaining("corrupt");
            try (var files = Files.list(folder())) {
                assertThat(files).isEmpty();
            }
        }
    }

    @Test
    void droppedConnectionResumesWithRange() throws Exception {
        try (TestFileServer server = new TestFileServer(CONTENT, true, 2, 1_000_000)) {
            Path got = DOWNLOADER.fetch(file(adler(CONTENT)), server.baseUrl(), root, ProgressReporter.silent(),
                    CancellationToken.none());
            assertThat(Files.readAllBytes(got)).isEqualTo(CONTENT);
            assertThat(server.rangeHeaders).hasSize(3);
            assertThat(server.rangeHeaders.get(0)).isEmpty();
            assertThat(server.rangeHeaders.get(1)).startsWith("bytes=").isNotEqualTo("bytes=0-");
            assertThat(server.rangeHeaders.get(2)).startsWith("bytes=");
        }
    }

    @Test
    void droppedConnectionWithoutRangeSupportRestartsCleanly() throws Exception {
        try (TestFileServer server = new TestFileServer(CONTENT, false, 1, 1_000_000)) {
            Path got = DOWNLOADER.fetch(file(adler(CONTENT)), server.baseUrl(), root, ProgressReporter.silent(),
                    CancellationToken.none());
            assertThat(Files.readAllBytes(got)).isEqualTo(CONTENT);
            assertThat(server.rangeHeaders).hasSize(2);
        }
    }

    @Test
    void cancelLeavesNoCompleteLookingFile() throws Exception {
        CancellationToken cancel = new CancellationToken();
        try (TestFileServer server = new TestFileServer(CONTENT, true, 0, 0)) {
            assertThatThrownBy(() -> DOWNLOADER.fetch(file(adler(CONTENT)), server.baseUrl(), root,
                    (done, total, msg) -> cancel.cancel(), cancel)).isInstanceOf(CancellationException.class);
            assertThat(folder().resolve("test_weights.zip")).doesNotExist();
            assertThat(Files.size(folder().resolve("test_weights.zip.part"))).isLessThan(CONTENT.length);
        }
    }

    @Test
    void offlineGivesOneSentenceWithFileSizeChecksumAndFolder() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ZooWeights.ZooFile f = ZooWeights.VGG16;
        assertThatThrownBy(() -> DOWNLOADER.fetch(f, "http://127.0.0.1:" + port, root, ProgressReporter.silent(),
                CancellationToken.none()))
                .isInstanceOf(WeightsUnavailableException.class)
                .hasMessageContaining("vgg16_dl4j_inference.zip")
                .hasMessageContaining("about 553 MB")
                .hasMessageContaining("Adler32 3501732770")
                .hasMessageContaining(root.resolve("models").resolve("vgg16").toAbsolutePath().toString())
                .hasMessageContaining("connection refused")
                .message().doesNotContain("\n").satisfies(m -> assertThat(m.split("\\. ")).hasSize(1));
    }
}
