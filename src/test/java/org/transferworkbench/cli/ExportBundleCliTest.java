package org.transferworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.data.ImageDecoder;
import org.transferworkbench.engine.data.ImagePreprocessor;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.experiment.ExperimentListener;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.experiment.RunPredictor;
import org.transferworkbench.engine.export.BundleFiles;
import org.transferworkbench.engine.export.BundleManifest;
import org.transferworkbench.engine.export.ExpectedOutput;
import org.transferworkbench.engine.export.ModelBundle;
import org.transferworkbench.engine.export.PreprocessingSpec;
import org.transferworkbench.engine.export.onnx.OnnxRuntimeRunner;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;
import org.transferworkbench.testing.ShapesDataset;

/**
 * Export bundles on a tiny real run (VGG11, 32 px, letterbox, one epoch, no hidden dense layer: its few ReLUs can
 * all be dead after one epoch, and then every image gets the same answer): predicting through the bundle, folder or
 * zip, gives exactly the run's answers; a changed or missing file is named; the ONNX model agrees with DL4J.
 * The run uses letterbox on non-square images, so a bundle that fell back to the default centre crop would differ.
 */
class ExportBundleCliTest {

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static Path runs;
    static RunDirectory run;
    static Path images;
    static Path folderBundle;
    static Path zipBundle;

    @BeforeAll
    static void trainAndExport() throws Exception {
        Path data = ShapesDataset.write(shared.resolve("shapes"), 10, 32, 5);
        runs = shared.resolve("runs");
        Hyperparameters hyper = new Hyperparameters(Optimizer.ADAM, 1e-3, 0.9, 4, 1, 0, 42, 0, 1, false);
        ExperimentRequest request = new ExperimentRequest(data, "bundle", VggVariant.parse("vgg11"), 32,
                HeadType.COMPACT, 0, 0.5, FreezePlan.parse("none"), hyper, SplitSpec.defaults(), null, null,
                ResizePolicy.LETTERBOX);
        run = new ExperimentRunner(new RunStore(runs)).run(request, new ExperimentListener() { },
                CancellationToken.none()).run();
        images = Files.createDirectories(shared.resolve("new"));
        Random rng = new Random(3);
        for (int i = 0; i < 4; i++) {
            BufferedImage img = new BufferedImage(48 + 16 * i, 32, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, x < img.getWidth() / 2 ? 0xD02020 + rng.nextInt(30) : rng.nextInt(0xFFFFFF));
                }
            }
            ImageIO.write(img, "png", images.resolve("wide_" + i + ".png").toFile());
        }
        folderBundle = shared.resolve("out/bundle");
        zipBundle = shared.resolve("out/bundle.zip");
        assertThat(cli("export", run.id(), "--out", folderBundle.toString()).code).isZero();
        assertThat(cli("export", run.id(), "--out", zipBundle.toString(), "--onnx").code).isZero();
    }

    @Test
    void bundleHoldsEverythingAndPredictsExactlyLikeTheRun() throws Exception {
        for (String f : List.of(BundleFiles.MODEL, BundleFiles.PREPROCESSING, BundleFiles.CLASSES_JSON,
                BundleFiles.CLASSES_TXT, BundleFiles.EXPECTED, BundleFiles.README, BundleFiles.MANIFEST)) {
            assertThat(folderBundle.resolve(f)).as(f).isRegularFile();
        }
        PreprocessingSpec spec = Json.read(folderBundle.resolve(BundleFiles.PREPROCESSING), PreprocessingSpec.class);
        assertThat(spec.resizePolicy()).isEqualTo(ResizePolicy.LETTERBOX);
        assertThat(spec.channelOrder()).isEqualTo("BGR");
        assertThat(Files.readAllLines(folderBundle.resolve(BundleFiles.CLASSES_TXT)))
                .containsExactly(ShapesDataset.CLASSES);
        assertThat(Files.readString(folderBundle.resolve(BundleFiles.README))).contains("restoreComputationGraph")
                .contains("longer side");
        assertThat(leftovers(folderBundle.getParent())).as("no staging folders left").isEmpty();
        try (ZipFile model = new ZipFile(folderBundle.resolve(BundleFiles.MODEL).toFile())) {
            String configuration = new String(model.getInputStream(model.getEntry("configuration.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(configuration).as("plain DL4J must be able to load it: no Workbench layer classes")
                    .contains("org.deeplearning4j.nn.conf.layers.ConvolutionLayer")
                    .doesNotContain("org.transferworkbench");
        }

        String byRun = cli("predict", run.id(), images.toString(), "--top", "3").out;
        String byFolder = cli("predict", folderBundle.toString(), images.toString(), "--top", "3").out;
        String byZip = cli("predict", zipBundle.toString(), images.toString(), "--top", "3").out;
        assertThat(byRun.lines()).hasSize(4);
        assertThat(byRun.lines().map(l -> l.substring(l.indexOf(':'))).distinct().count())
                .as("images get different answers, so equal outputs mean something").isGreaterThan(1);
        assertThat(byFolder).isEqualTo(byRun);
        assertThat(byZip).isEqualTo(byRun);

        RunPredictor fromRun = RunPredictor.forRun(run);
        ModelBundle bundle = ModelBundle.open(zipBundle);
        RunPredictor centreCrop = new RunPredictor(ModelFiles.load(run.file(RunDirectory.BEST_MODEL), false),
                fromRun.classNames(), new ImagePreprocessor(32, ResizePolicy.SHORTER_SIDE_CENTER_CROP));
        try (Stream<Path> s = Files.list(images)) {
            for (Path image : s.sorted().toList()) {
                double[] expected = fromRun.probabilities(image);
                assertThat(bundle.predictor().probabilities(image)).as(image.toString()).containsExactly(expected);
                assertThat(centreCrop.probabilities(image)).as("the default crop would give other outputs")
                        .isNotEqualTo(expected);
            }
        }
    }

    /** The README's Java lines, compiled and run as written (paths made absolute), give expected.json. */
    @Test
    void readmeJavaSnippetReproducesTheExpectedOutput() throws Exception {
        String readme = Files.readString(folderBundle.resolve(BundleFiles.README));
        int start = readme.indexOf("```java\n") + "```java\n".length();
        String snippet = readme.substring(start, readme.indexOf("```", start));
        String source = "import java.awt.*; import java.awt.image.*; import java.io.File; import javax.imageio.ImageIO;\n"
                + "import org.deeplearning4j.nn.graph.ComputationGraph;\n"
                + "import org.deeplearning4j.util.ModelSerializer;\n"
                + "import org.nd4j.linalg.api.ndarray.INDArray; import org.nd4j.linalg.factory.Nd4j;\n"
                + "public class ReadmeSnippet { public static double[] run(File dir) throws Exception {\n"
                + snippet.replace("new File(\"", "new File(dir, \"") + "return probabilities.toDoubleVector(); } }\n";
        Path src = Files.createDirectories(tmp.resolve("src")).resolve("ReadmeSnippet.java");
        Files.writeString(src, source);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "-classpath",
                System.getProperty("java.class.path"), "-d", classes.toString(), src.toString());
        assertThat(rc).as(diagnostics.toString(StandardCharsets.UTF_8) + "\n" + source).isZero();
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            double[] p = (double[]) loader.loadClass("ReadmeSnippet").getMethod("run", java.io.File.class)
                    .invoke(null, folderBundle.toFile());
            ExpectedOutput expected = Json.read(folderBundle.resolve(BundleFiles.EXPECTED), ExpectedOutput.class);
            for (int c = 0; c < p.length; c++) {
                assertThat(p[c]).as("class %d", c).isCloseTo(expected.probabilities().get(c), within(1e-5));
            }
        }
    }

    @Test
    void bundleWorksWithoutTheRunStore() throws Exception {
        Path copy = tmp.resolve("elsewhere");
        copyTree(folderBundle, copy);
        Result r = cli("predict", copy.toString(), images.resolve("wide_0.png").toString(), "--runs-dir",
                tmp.resolve("no-runs").toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).startsWith(images.resolve("wide_0.png") + ":");
    }

    @Test
    void verifyReRunsTheSampleWithinTolerance() throws Exception {
        Result r = cli("export", "--verify", zipBundle.toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("Bundle OK").contains("sample/");
        ExpectedOutput expected = Json.read(folderBundle.resolve(BundleFiles.EXPECTED), ExpectedOutput.class);
        assertThat(expected.probabilities()).hasSize(3);
        assertThat(expected.probabilities().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-5));
        assertThat(ModelBundle.open(folderBundle).sampleCheck().maxDifference()).isLessThanOrEqualTo(5e-7);
    }

    @Test
    void changedFileIsNamed() throws Exception {
        Path copy = tmp.resolve("tampered");
        copyTree(folderBundle, copy);
        Files.writeString(copy.resolve(BundleFiles.CLASSES_TXT), "cat\ndog\nbird\n");
        Result r = cli("predict", copy.toString(), images.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("Error: classes.txt in " + copy + " was changed after export")
                .doesNotContain("Exception");

        Path model = tmp.resolve("model-flip");
        copyTree(folderBundle, model);
        byte[] bytes = Files.readAllBytes(model.resolve(BundleFiles.MODEL));
        bytes[bytes.length / 2] ^= 1;
        Files.write(model.resolve(BundleFiles.MODEL), bytes);
        assertThatThrownBy(() -> ModelBundle.open(model)).hasMessageStartingWith("model.zip in " + model
                + " was changed after export");
    }

    @Test
    void missingFileIsNamed() throws Exception {
        Path copy = tmp.resolve("incomplete");
        copyTree(folderBundle, copy);
        Files.delete(copy.resolve(BundleFiles.PREPROCESSING));
        Result r = cli("export", "--verify", copy.toString());
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("Error: " + copy + " is incomplete: preprocessing.json is missing "
                + "(listed in manifest.json); export the run again.");

        Files.delete(copy.resolve(BundleFiles.MANIFEST));
        assertThat(cli("export", "--verify", copy.toString()).err).contains("Error: " + copy
                + " is not an export bundle: it has no manifest.json.");
    }

    @Test
    void failedSampleCheckSaysWhetherTheInputOrTheModelDiffers() throws Exception {
        Path copy = tmp.resolve("other-runtime");
        copyTree(folderBundle, copy);
        ExpectedOutput e = Json.read(copy.resolve(BundleFiles.EXPECTED), ExpectedOutput.class);
        List<Double> p = e.probabilities();
        // what another machine computing differently would have written: the classes' probabilities rotated
        rewrite(copy, BundleFiles.EXPECTED, Json.write(new ExpectedOutput(e.formatVersion(), e.image(),
                e.inputTensor(), e.trueClass(), e.predictedClass(), e.predictedIndex(),
                List.of(p.get(1), p.get(2), p.get(0)), e.tolerance())).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ModelBundle.open(copy)).hasMessageContaining("fails its sample check")
                .hasMessageContaining("the preprocessed input equals the shipped one");

        byte[] tensor = Files.readAllBytes(copy.resolve(e.inputTensor()));
        tensor[5] ^= 0x40;
        rewrite(copy, e.inputTensor(), tensor);
        assertThatThrownBy(() -> ModelBundle.open(copy)).hasMessageContaining("differs from the shipped one in 1 "
                + "values");
    }

    /** Replaces a bundle file and its manifest entry, as a consistent (not tampered) bundle would have them. */
    private static void rewrite(Path bundle, String file, byte[] content) throws Exception {
        Files.write(bundle.resolve(file), content);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content));
        var manifest = Json.read(bundle.resolve(BundleFiles.MANIFEST), BundleManifest.class);
        var files = new java.util.TreeMap<>(manifest.files());
        files.put(file, hash);
        Files.writeString(bundle.resolve(BundleFiles.MANIFEST), Json.write(new BundleManifest(
                manifest.formatVersion(), manifest.workbenchVersion(), manifest.deeplearning4jVersion(),
                manifest.createdAt(), manifest.sourceRun(), manifest.model(), files)));
    }

    @Test
    void existingTargetAndBadArgumentsAreRefusedWithoutLeftovers() throws Exception {
        Result exists = cli("export", run.id(), "--out", folderBundle.toString());
        assertThat(exists.code).isEqualTo(1);
        assertThat(exists.err).contains("already exists").contains("--force");
        Path zip = tmp.resolve("again.zip");
        Files.writeString(zip, "an older file");
        Result replaced = cli("export", run.id(), "--out", zip.toString(), "--force");
        assertThat(replaced.code).as(replaced.err).isZero();
        assertThat(ModelBundle.open(zip).manifest().sourceRun()).isEqualTo(run.id());
        Files.createDirectories(tmp.resolve("dir.zip"));
        assertThat(cli("export", run.id(), "--out", tmp.resolve("dir.zip").toString(), "--force").err)
                .contains("already exists as a folder");
        assertThat(leftovers(tmp)).isEmpty();
        assertThat(cli("export", run.id()).err).contains("Give the run to export and --out PATH");
        assertThat(cli("export", run.id(), "--out", "x", "--verify", "y").err).contains("not both");
        assertThat(leftovers(folderBundle.getParent())).isEmpty();
    }

    @Test
    void onnxModelGivesTheExpectedOutputOfTheSample() throws Exception {
        Path unpacked = tmp.resolve("unzipped");
        try (var fs = java.nio.file.FileSystems.newFileSystem(zipBundle)) {
            Files.copy(fs.getPath("/" + BundleFiles.ONNX_MODEL), Files.createDirectories(unpacked).resolve("m.onnx"));
            ExpectedOutput expected = Json.read(fs.getPath("/" + BundleFiles.EXPECTED), ExpectedOutput.class);
            Path sample = unpacked.resolve("sample.png");
            Files.copy(fs.getPath("/" + expected.image()), sample);
            ModelBundle bundle = ModelBundle.open(zipBundle);
            float[] tensor = bundle.predictor().preprocessor().toTensor(ImageDecoder.readRgb(sample));
            float[] shipped = new float[tensor.length];
            java.nio.ByteBuffer.wrap(Files.readAllBytes(fs.getPath("/" + expected.inputTensor())))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(shipped);
            assertThat(shipped).as("the shipped input tensor").containsExactly(tensor);
            float[][] onnx = OnnxRuntimeRunner.run(unpacked.resolve("m.onnx"), shipped, 1, 32);
            for (int c = 0; c < onnx[0].length; c++) {
                assertThat((double) onnx[0][c]).as("class %d", c).isCloseTo(expected.probabilities().get(c),
                        within(1e-4));
            }
        }
        assertThat(folderBundle.resolve(BundleFiles.ONNX_MODEL)).as("only with --onnx").doesNotExist();
    }

    private static List<Path> leftovers(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    record Result(int code, String out, String err) { }

    static Result cli(String... args) {
        String[] withRuns = Stream.concat(Stream.of(args), Stream.of("--runs-dir", runs.toString()))
                .toArray(String[]::new);
        if (List.of(args).contains("--runs-dir")) {
            withRuns = args;
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int[] code = new int[1];
        String out;
        try {
            var cl = Cli.commandLine();
            cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            String[] finalArgs = withRuns;
            out = EndToEndCliTest.captureStdout(() -> code[0] = cl.execute(finalArgs));
        } finally {
            System.setErr(oldErr);
        }
        return new Result(code[0], out, err.toString(StandardCharsets.UTF_8));
    }
}
