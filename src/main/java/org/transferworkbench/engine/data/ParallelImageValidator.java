package org.transferworkbench.engine.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.transferworkbench.engine.data.DatasetTreeWalker.Candidate;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/**
 * Decodes every candidate once, two at a time: decoding is CPU-bound and two threads keep a laptop
 * responsive while halving a scan of thousands of photos.
 */
final class ParallelImageValidator {
    static final int THREADS = 2;
    private static final long CANCEL_POLL_MILLIS = 100;

    /** The verdict on one candidate; {@code skipReason} is null when the image is usable. */
    record Verdict(Candidate candidate, String skipReason, byte[] headHash) {
        boolean usable() {
            return skipReason == null;
        }
    }

    List<Verdict> validate(List<Candidate> candidates, ProgressReporter progress, CancellationToken cancel) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, DaemonThreads.named("image-validator"));
        try {
            AtomicLong done = new AtomicLong();
            List<Future<Verdict>> futures = new ArrayList<>(candidates.size());
            for (Candidate candidate : candidates) {
                futures.add(pool.submit(() -> {
                    cancel.throwIfCancelled();
                    Verdict verdict = check(candidate);
                    long finished = done.incrementAndGet();
                    progress.report(finished, candidates.size(), "Checking images: " + finished + " of "
                            + candidates.size());
                    return verdict;
                }));
            }
            List<Verdict> verdicts = new ArrayList<>(candidates.size());
            for (Future<Verdict> future : futures) {
                verdicts.add(await(future, cancel));
            }
            return verdicts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Verdict check(Candidate candidate) {
        try {
            ImageDecoder.validate(candidate.file());
            return new Verdict(candidate, null, DatasetFingerprint.headHash(candidate.file()));
        } catch (UnreadableImageException e) {
            return new Verdict(candidate, e.reason(), null);
        } catch (IOException e) {
            return new Verdict(candidate, "unreadable: " + e.getMessage(), null);
        }
    }

    private static Verdict await(Future<Verdict> future, CancellationToken cancel) {
        while (true) {
            cancel.throwIfCancelled();
            try {
                return future.get(CANCEL_POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // poll the cancellation token again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while checking images");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CancellationException cancelled) {
                    throw cancelled;
                }
                throw new IllegalStateException("Image check failed unexpectedly", e.getCause());
            }
        }
    }
}
