package org.transferworkbench.engine.model.weights;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Adler32;
import org.transferworkbench.engine.jobs.CancellationToken;

/** Adler32 of a file, the checksum DL4J's zoo declares for its model files ({@code ZooModel.initPretrained}). */
public final class Adler32Checksum {
    private static final int BUFFER = 1 << 20;

    private Adler32Checksum() {
    }

    public static long of(Path file) throws IOException {
        return of(file, CancellationToken.none());
    }

    public static long of(Path file, CancellationToken cancel) throws IOException {
        Adler32 adler = new Adler32();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                adler.update(buffer, 0, n);
                cancel.throwIfCancelled();
            }
        }
        return adler.getValue();
    }
}
