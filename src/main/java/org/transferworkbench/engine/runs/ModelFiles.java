package org.transferworkbench.engine.runs;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.io.AtomicFiles;

/**
 * DL4J model zips, written through {@link AtomicFiles} so a crash mid-save leaves the previous model readable.
 *
 * <p>The zip has ModelSerializer's entries and encodings, so {@code ModelSerializer.restoreComputationGraph}
 * (ours, and anyone's holding an exported model) reads it, but its entries are not compressed: deflating a VGG's
 * 60 MB of float weights took ModelSerializer 3.5-3.9 s and saved 7 % of the size, and a checkpoint is written
 * after every epoch, which made saving slower than a whole epoch on cached features.
 */
public final class ModelFiles {

    private static final int BUFFER = 1 << 20;

    private ModelFiles() {
    }

    /** @param withUpdater keep the optimiser state, needed to resume training exactly */
    public static void save(ComputationGraph model, Path target, boolean withUpdater) throws IOException {
        save(ModelSnapshot.live(model, withUpdater), target);
    }

    public static void save(ModelSnapshot model, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(model, out));
    }

    static void write(ModelSnapshot model, OutputStream out) throws IOException {
        // The caller owns and closes the stream (AtomicFiles syncs it before the rename).
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(out, BUFFER));
        zip.setLevel(Deflater.NO_COMPRESSION);
        zip.putNextEntry(new ZipEntry(ModelSerializer.CONFIGURATION_JSON));
        zip.write(model.configurationJson().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        writeArray(zip, ModelSerializer.COEFFICIENTS_BIN, model.params());
        if (model.updaterState() != null && model.updaterState().length() > 0) {
            writeArray(zip, ModelSerializer.UPDATER_BIN, model.updaterState());
        }
        zip.finish();
        zip.flush();
    }

    private static void writeArray(ZipOutputStream zip, String entry, INDArray array) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(zip, BUFFER));
        ArrayBinary.write(array, data);
        data.flush();
        zip.closeEntry();
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
