package org.transferworkbench.engine.model.weights;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/**
 * Downloads one zoo file into the cache so that a file under its final name is always complete and verified.
 *
 * <p>The bytes go to {@code <name>.part}; only after the Adler32 matches is it renamed, atomically, to its final
 * name. A dropped connection is retried: with an HTTP Range request from where the {@code .part} ends when the
 * server honours it (206 with the right Content-Range), else from the start. A cancel leaves the {@code .part} for
 * the next try and never a complete-looking file. A file that fails its checksum is deleted.
 */
public final class WeightDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(WeightDownloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 64 * 1024;

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int attempts;
    private final Duration retryPause;

    public WeightDownloader(Duration connectTimeout, Duration readTimeout, int attempts, Duration retryPause) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.attempts = attempts;
        this.retryPause = retryPause;
    }

    public static WeightDownloader standard() {
        return new WeightDownloader(Duration.ofSeconds(20), Duration.ofSeconds(60), 5, Duration.ofSeconds(3));
    }

    /** @return the verified file in the cache, downloaded now or found there */
    public Path fetch(ZooWeights.ZooFile file, String baseUrl, Path root, ProgressReporter progress,
                      CancellationToken cancel) throws IOException {
        Path folder = file.folder(root);
        Path target = folder.resolve(file.fileName());
        if (Files.isRegularFile(target)) {
            if (Adler32Checksum.of(target, cancel) == file.adler32()) {
                return target;
            }
            LOG.warn("Cached {} fails its checksum; deleting it and downloading again", target);
            Files.delete(target);
        }
        Files.createDirectories(folder);
        Path part = folder.resolve(file.fileName() + ".part");
        URI url = file.url(baseUrl);
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            cancel.throwIfCancelled();
            try {
                transfer(file, url, part, progress, cancel);
                last = null;
                break;
            } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
                throw unavailable(file, url, folder, reason(e), e);
            } catch (HttpStatusException e) {
                throw unavailable(file, url, folder, e.getMessage(), e);
            } catch (IOException e) {
                last = e;
                LOG.warn("Download of {} interrupted (attempt {} of {}): {}", url, attempt, attempts, e.toString());
                pause(cancel);
            }
        }
        if (last != null) {
            throw unavailable(file, url, folder, "the connection failed " + attempts + " times, last: "
                    + reason(last), last);
        }
        long actual = Adler32Checksum.of(part, cancel);
        if (actual != file.adler32()) {
            Files.deleteIfExists(part);
            throw new IOException("The downloaded " + file.fileName() + " is corrupt (Adler32 " + actual
                    + ", expected " + file.adler32() + ") and was deleted; try again, or fetch it by hand into "
                    + folder + ".");
        }
        move(part, target);
        LOG.info("Downloaded and verified {}", target);
        return target;
    }

    private void transfer(ZooWeights.ZooFile file, URI url, Path part, ProgressReporter progress,
                          CancellationToken cancel) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpURLConnection c = (HttpURLConnection) url.toURL().openConnection();
        c.setConnectTimeout((int) connectTimeout.toMillis());
        c.setReadTimeout((int) readTimeout.toMillis());
        c.setRequestProperty("Accept-Encoding", "identity");
        if (have > 0) {
            c.setRequestProperty("Range", "bytes=" + have + "-");
        }
        try {
            int code = c.getResponseCode();
            boolean resume = have > 0 && code == HttpURLConnection.HTTP_PARTIAL
                    && rangeStartsAt(c.getHeaderField("Content-Range"), have);
            if (code == 416) {
                // The .part does not fit what the server has (a changed file, or one already complete): start over.
                Files.deleteIfExists(part);
                throw new IOException("the server refused to resume at byte " + have);
            }
            if (code != HttpURLConnection.HTTP_OK && !resume) {
                if (code == HttpURLConnection.HTTP_PARTIAL) {
                    Files.deleteIfExists(part);
                    throw new IOException("the server resumed at the wrong byte");
                }
                throw new HttpStatusException("the server answered HTTP " + code + " " + c.getResponseMessage());
            }
            long start = resume ? have : 0;
            long length = c.getContentLengthLong();
            long total = length >= 0 ? start + length : -1;
            LOG.info("Downloading {} {} byte {}", url, resume ? "resuming at" : "from", start);
            copy(c, part, resume, start, total, new DownloadProgress(progress, file.fileName(), start), cancel);
        } finally {
            c.disconnect();
        }
    }

    private static void copy(HttpURLConnection c, Path part, boolean append, long start, long total,
                             DownloadProgress progress, CancellationToken cancel) throws IOException {
        long done = start;
        try (InputStream in = c.getInputStream();
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (cancel.isCancelled()) {
                    throw new CancellationException("download cancelled");
                }
                out.write(buffer, 0, n);
                done += n;
                progress.update(done, total, false);
            }
        }
        progress.update(done, total, true);
        if (total >= 0 && done < total) {
            throw new IOException("the connection dropped after " + done + " of " + total + " bytes");
        }
    }

    private static boolean rangeStartsAt(String contentRange, long offset) {
        if (contentRange == null) {
            return false;
        }
        Matcher m = CONTENT_RANGE.matcher(contentRange.trim());
        return m.matches() && Long.parseLong(m.group(1)) == offset;
    }

    private static void move(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void pause(CancellationToken cancel) {
        try {
            Thread.sleep(retryPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
        }
    }

    /** One sentence: what failed, and the file, size, checksum and folder for fetching it by hand. */
    static WeightsUnavailableException unavailable(ZooWeights.ZooFile file, URI url, Path folder, String why,
                                                   Throwable cause) {
        String size = file.approxBytes() > 0 ? "about " + Math.round(file.approxBytes() / 1e6) + " MB, " : "";
        return new WeightsUnavailableException("Cannot download " + file.fileName() + " from " + url + " (" + why
                + "); to use the ImageNet weights offline, copy that file (" + size + "Adler32 " + file.adler32()
                + ") into " + folder.toAbsolutePath() + ", or give a reachable mirror with --weights-url.", cause);
    }

    private static String reason(Throwable e) {
        String name = e instanceof ConnectException ? "connection refused"
                : e instanceof UnknownHostException ? "unknown host" : e.getClass().getSimpleName();
        return e.getMessage() == null || e instanceof ConnectException ? name
                : e instanceof UnknownHostException ? name + " " + e.getMessage() : e.getMessage();
    }

    /** A definite answer from the server (404, 403, ...): retrying will not help. */
    private static final class HttpStatusException extends IOException {
        HttpStatusException(String message) {
            super(message);
        }
    }
}
