package org.transferworkbench.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.data.ImageDecoder;
import org.transferworkbench.engine.experiment.EnvironmentInfo;
import org.transferworkbench.engine.experiment.RunPredictor;
import org.transferworkbench.engine.io.AtomicFiles;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.io.StagingDirectory;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.model.fast.LayerClasses;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;

/**
 * Writes a run's best model as a self-sufficient bundle (folder, or zip when the target ends in ".zip"): the
 * model without optimiser state, its preprocessing, classes, a sample with its expected output, a README and a
 * manifest. Built in a hidden sibling folder and only then renamed (or zipped atomically) onto the target, so a
 * cancelled or failed export leaves nothing half-written behind.
 */
public final class BundleExporter {
    private static final Logger LOG = LoggerFactory.getLogger(BundleExporter.class);
    private static final int STEPS = 7;

    /**
     * @param onnx    also write model.onnx (see {@link org.transferworkbench.engine.export.onnx.OnnxExporter})
     * @param replace replace an existing target (only once the new bundle is complete) instead of refusing
     */
    public record Options(boolean onnx, boolean replace) {
        public static Options defaults() {
            return new Options(false, false);
        }
    }

    /** What was written: the bundle, the sample's expected output and the number of files. */
    public record Result(Path bundle, ExpectedOutput expected, int files, long bytes) { }

    private BundleExporter() {
    }

    public static Result export(RunDirectory run, Path target, Options options, ProgressReporter progress,
                                CancellationToken cancel) throws IOException {
        if (!run.hasBestModel()) {
            throw new IOException("Run " + run.id() + " has no trained model yet (no epoch completed).");
        }
        if (Files.exists(target) && !options.replace()) {
            throw new IOException(target + " already exists; choose another name, or replace it (--force).");
        }
        if (Files.exists(target) && Files.isDirectory(target) != !isZip(target)) {
            throw new IOException(target + " already exists as a " + (Files.isDirectory(target) ? "folder" : "file")
                    + "; a bundle named like it would be a " + (isZip(target) ? "zip file" : "folder") + ".");
        }
        boolean zip = isZip(target);
        RunConfig config = run.readConfig();
        try (StagingDirectory staging = StagingDirectory.beside(target)) {
            Path dir = staging.path();
            progress.report(0, STEPS, "Loading the model");
            // DL4J's own layer classes only: the bundle is for programs without the Workbench's fast layers, and
            // the sample's expected output is computed by exactly the network they will load.
            ComputationGraph model = LayerClasses.stock(ModelFiles.load(run.file(RunDirectory.BEST_MODEL), false));
            cancel.throwIfCancelled();
            progress.report(1, STEPS, "Writing the model");
            ModelFiles.save(model, dir.resolve(BundleFiles.MODEL), false);
            if (options.onnx()) {
                cancel.throwIfCancelled();
                progress.report(2, STEPS, "Writing the ONNX model");
                org.transferworkbench.engine.export.onnx.OnnxExporter.write(model, config.inputSize(), dir.resolve(BundleFiles.ONNX_MODEL));
            }
            cancel.throwIfCancelled();
            progress.report(3, STEPS, "Writing preprocessing and classes");
            PreprocessingSpec spec = PreprocessingSpec.of(config.inputSize(), config.resizePolicy());
            Json.writeAtomically(dir.resolve(BundleFiles.PREPROCESSING), spec);
            List<String> classes = config.classNames();
            Json.writeAtomically(dir.resolve(BundleFiles.CLASSES_JSON), new ClassList(ClassList.FORMAT_VERSION,
                    classes));
            AtomicFiles.writeString(dir.resolve(BundleFiles.CLASSES_TXT), String.join("\n", classes) + "\n");
            progress.report(4, STEPS, "Computing the sample's expected output");
            ExpectedOutput expected = writeSample(run, config, dir, new RunPredictor(model, classes,
                    spec.toPreprocessor()));
            AtomicFiles.writeString(dir.resolve(BundleFiles.README), BundleReadme.text(run.id(), spec, classes,
                    expected, options.onnx()));
            cancel.throwIfCancelled();
            progress.report(5, STEPS, "Writing the manifest");
            SortedMap<String, String> hashes = hashes(dir);
            Json.writeAtomically(dir.resolve(BundleFiles.MANIFEST), new BundleManifest(BundleManifest.FORMAT_VERSION,
                    EnvironmentInfo.workbenchVersion(), EnvironmentInfo.DL4J_VERSION, Instant.now(), run.id(),
                    BundleFiles.MODEL, hashes));
            long bytes = size(dir);
            cancel.throwIfCancelled();
            progress.report(6, STEPS, zip ? "Writing the zip" : "Moving the bundle into place");
            if (zip) {
                BundleZip.write(dir, target);
            } else {
                staging.publish();
            }
            progress.report(STEPS, STEPS, "Exported");
            LOG.info("Exported run {} to {} ({} files)", run.id(), target, hashes.size() + 1);
            return new Result(target, expected, hashes.size() + 1, zip ? Files.size(target) : bytes);
        }
    }

    private static boolean isZip(Path target) {
        return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    private static ExpectedOutput writeSample(RunDirectory run, RunConfig config, Path dir, RunPredictor predictor)
            throws IOException {
        BundleSample.Choice sample = BundleSample.choose(run, config);
        String name = BundleFiles.SAMPLE_FOLDER + "/" + sample.file().getFileName();
        Path copy = dir.resolve(name);
        Files.createDirectories(copy.getParent());
        Files.copy(sample.file(), copy);
        // Computed on the bundle's own copy, through the bundle's own preprocessing spec: exactly what a reader does.
        // The input tensor is shipped too, so a program with another image resizer can still check the model.
        String tensorName = BundleFiles.SAMPLE_FOLDER + "/" + BundleFiles.SAMPLE_TENSOR;
        Files.write(dir.resolve(tensorName), SampleTensor.toBytes(predictor.preprocessor().toTensor(
                ImageDecoder.readRgb(copy))));
        ExpectedOutput expected = ExpectedOutput.of(name, tensorName, sample.trueClass(), predictor.classNames(),
                predictor.probabilities(copy));
        Json.writeAtomically(dir.resolve(BundleFiles.EXPECTED), expected);
        return expected;
    }

    static SortedMap<String, String> hashes(Path dir) throws IOException {
        SortedMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                String name = BundleZip.relative(dir, f);
                if (!name.equals(BundleFiles.MANIFEST)) {
                    out.put(name, Sha256.of(f));
                }
            }
        }
        return out;
    }

    private static long size(Path dir) throws IOException {
        long total = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                total += Files.size(f);
            }
        }
        return total;
    }
}
