package org.transferworkbench.engine.runs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.transferworkbench.engine.io.AtomicFiles;

/** DL4J model zips, written through {@link AtomicFiles} so a crash mid-save leaves the previous model readable. */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** @param withUpdater keep the optimiser state, needed to resume training exactly */
    public static void save(ComputationGraph model, Path target, boolean withUpdater) throws IOException {
        AtomicFiles.write(target, out -> {
            // Buffered: the zip writer emits many small writes. ModelSerializer shields the stream from closing.
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 20);
            ModelSerializer.writeModel(model, buffered, withUpdater);
            buffered.flush();
        });
    }

    public static ComputationGraph load(Path file, boolean withUpdater) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("No model file at " + file + ".");
        }
        try {
            return ModelSerializer.restoreComputationGraph(file.toFile(), withUpdater);
        } catch (RuntimeException e) {
            throw new IOException("The model file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
