package org.transferworkbench.engine.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.transferworkbench.engine.io.WriteFaults;

/** DL4J model zips, written atomically so a crash mid-save leaves the previous model readable. */
public final class ModelFiles {

    private ModelFiles() {
    }

    /** @param withUpdater keep the optimiser state, needed to resume training exactly */
    public static void save(ComputationGraph model, Path target, boolean withUpdater) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            WriteFaults.check(target);
            ModelSerializer.writeModel(model, tmp.toFile(), withUpdater);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
