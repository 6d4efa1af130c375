package org.transferworkbench.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.transferworkbench.engine.data.ImageDecoder;
import org.transferworkbench.engine.experiment.RunPredictor;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.io.StagingDirectory;
import org.transferworkbench.engine.model.fast.LayerClasses;
import org.transferworkbench.engine.runs.ModelFiles;

/**
 * An export bundle read back: every file checked against the manifest first, then the model, preprocessing
 * and classes loaded from the bundle alone. A zip is unpacked into a temporary folder for the loading and that
 * folder is deleted again before {@link #open} returns.
 */
public final class ModelBundle {
    private final Path location;
    private final BundleManifest manifest;
    private final RunPredictor predictor;
    private final ExpectedOutput expected;
    private final SampleCheck sampleCheck;

    /** The sample re-run on open: the largest difference to expected.json, over all classes. */
    public record SampleCheck(String image, String predictedClass, double maxDifference, double tolerance) { }

    private ModelBundle(Path location, BundleManifest manifest, RunPredictor predictor, ExpectedOutput expected,
                        SampleCheck sampleCheck) {
        this.location = location;
        this.manifest = manifest;
        this.predictor = predictor;
        this.expected = expected;
        this.sampleCheck = sampleCheck;
    }

    /** Whether {@code path} is meant as a bundle rather than a run: a zip file, or a folder with a manifest.json. */
    public static boolean looksLikeBundle(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")
                || Files.isDirectory(path) && Files.isRegularFile(path.resolve(BundleFiles.MANIFEST));
    }

    /**
     * Opens a bundle folder or zip, checks every file against its manifest, loads the model and re-runs the
     * sample image; any mismatch is an IOException with one sentence naming the file.
     */
    public static ModelBundle open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return load(path, path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("No bundle at " + path + ".");
        }
        Path unpackTo = Files.createTempDirectory("tw-bundle-");
        try {
            BundleZip.extract(path, unpackTo);
            return load(path, unpackTo);
        } finally {
            StagingDirectory.deleteRecursively(unpackTo);
        }
    }

    private static ModelBundle load(Path location, Path dir) throws IOException {
        Path manifestFile = dir.resolve(BundleFiles.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IOException(location + " is not an export bundle: it has no " + BundleFiles.MANIFEST + ".");
        }
        BundleManifest manifest = Json.read(manifestFile, BundleManifest.class);
        if (manifest.formatVersion() != BundleManifest.FORMAT_VERSION || manifest.files() == null) {
            throw new IOException(location + " has a manifest of format version " + manifest.formatVersion()
                    + ", which this version of the Workbench cannot read (it reads version "
                    + BundleManifest.FORMAT_VERSION + ").");
        }
        checkFiles(location, dir, manifest.files());
        ExpectedOutput expected = Json.read(dir.resolve(BundleFiles.EXPECTED), ExpectedOutput.class);
        if (!manifest.files().containsKey(expected.image())
                || expected.inputTensor() != null && !manifest.files().containsKey(expected.inputTensor())) {
            throw new IOException(location + " is incomplete: its sample " + expected.image() + " (or its input "
                    + "tensor) is not listed in " + BundleFiles.MANIFEST + ".");
        }
        PreprocessingSpec spec = Json.read(dir.resolve(BundleFiles.PREPROCESSING), PreprocessingSpec.class);
        List<String> classes = Json.read(dir.resolve(BundleFiles.CLASSES_JSON), ClassList.class).classes();
        // The bundle holds DL4J's own layers (for programs without the Workbench); here the fast ones compute
        // exactly what the run that was exported computes, and several times faster.
        RunPredictor predictor = new RunPredictor(
                LayerClasses.fast(ModelFiles.load(dir.resolve(BundleFiles.MODEL), false)), classes,
                spec.toPreprocessor());
        SampleCheck check = checkSample(location, predictor, expected, dir);
        return new ModelBundle(location, manifest, predictor, expected, check);
    }

    private static void checkFiles(Path location, Path dir, Map<String, String> files) throws IOException {
        for (String required : BundleFiles.REQUIRED) {
            if (!files.containsKey(required)) {
                throw new IOException(location + " is incomplete: " + BundleFiles.MANIFEST + " does not list "
                        + required + ".");
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey()).normalize();
            if (!file.startsWith(dir.normalize())) {
                throw new IOException(location + " is not a valid bundle: " + f.getKey() + " lies outside it.");
            }
            if (!Files.isRegularFile(file)) {
                throw new IOException(location + " is incomplete: " + f.getKey() + " is missing (listed in "
                        + BundleFiles.MANIFEST + "); export the run again.");
            }
            String actual = Sha256.of(file);
            if (!actual.equalsIgnoreCase(f.getValue())) {
                throw new IOException(f.getKey() + " in " + location + " was changed after export (SHA-256 "
                        + actual.substring(0, 12) + "..., the manifest says " + shortHash(f.getValue())
                        + "...); export the run again.");
            }
        }
    }

    private static SampleCheck checkSample(Path location, RunPredictor predictor, ExpectedOutput expected,
                                           Path dir) throws IOException {
        Path image = dir.resolve(expected.image());
        double[] p = predictor.probabilities(image);
        List<Double> want = expected.probabilities();
        if (want == null || want.size() != p.length) {
            throw new IOException(location + ": the model gives " + p.length + " probabilities but "
                    + BundleFiles.EXPECTED + " lists " + (want == null ? 0 : want.size()) + ".");
        }
        double worst = 0;
        int worstClass = 0;
        for (int c = 0; c < p.length; c++) {
            double d = Math.abs(p[c] - want.get(c));
            if (d > worst) {
                worst = d;
                worstClass = c;
            }
        }
        if (worst > expected.tolerance()) {
            throw new IOException(String.format(Locale.ROOT, "%s fails its sample check: for %s the model gives "
                    + "%.6f for class %s, %s expects %.6f (tolerance %.0e)%s.", location, expected.image(),
                    p[worstClass], predictor.classNames().get(worstClass), BundleFiles.EXPECTED,
                    want.get(worstClass), expected.tolerance(), inputDiagnosis(predictor, expected, dir, image)));
        }
        return new SampleCheck(expected.image(), expected.predictedClass(), worst, expected.tolerance());
    }

    /** Says whether the preprocessing or the model is what changed, when the bundle ships the sample's tensor. */
    private static String inputDiagnosis(RunPredictor predictor, ExpectedOutput expected, Path dir, Path image)
            throws IOException {
        if (expected.inputTensor() == null || !Files.isRegularFile(dir.resolve(expected.inputTensor()))) {
            return "";
        }
        float[] shipped = SampleTensor.fromBytes(Files.readAllBytes(dir.resolve(expected.inputTensor())));
        float[] now = predictor.preprocessor().toTensor(ImageDecoder.readRgb(image));
        int differing = 0;
        for (int i = 0; i < Math.min(shipped.length, now.length); i++) {
            differing += shipped[i] != now[i] ? 1 : 0;
        }
        return shipped.length == now.length && differing == 0
                ? "; the preprocessed input equals the shipped one, so the model itself computes differently"
                : "; the preprocessed input differs from the shipped one in " + (differing
                        + Math.abs(shipped.length - now.length)) + " values, so the image scaling differs";
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    public Path location() {
        return location;
    }

    public BundleManifest manifest() {
        return manifest;
    }

    /** Classifies images with the bundle's model and preprocessing. */
    public RunPredictor predictor() {
        return predictor;
    }

    public ExpectedOutput expected() {
        return expected;
    }

    public SampleCheck sampleCheck() {
        return sampleCheck;
    }
}
