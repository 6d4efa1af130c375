package org.transferworkbench.engine.explain;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.data.ImageDecoder;
import org.transferworkbench.engine.data.ImagePreprocessor;
import org.transferworkbench.engine.io.IOConsumer;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;

/**
 * Grad-CAM for a run's best model, with the run's own preprocessing. Like the predictor it loads its own model
 * instance, which {@link GradCam} then adapts for explanation.
 */
public final class RunExplainer {
    /** Images per forward/backward pass: enough to amortise the passes, small enough for 224 px VGG19. */
    static final int BATCH = 8;

    private final String runId;
    private final GradCam gradCam;
    private final List<String> classNames;
    private final ImagePreprocessor preprocessor;

    public RunExplainer(String runId, ComputationGraph model, List<String> classNames, ImagePreprocessor preprocessor) {
        this.runId = runId;
        this.gradCam = new GradCam(model);
        this.classNames = List.copyOf(classNames);
        this.preprocessor = preprocessor;
        if (gradCam.numClasses() != classNames.size()) {
            throw new IllegalArgumentException("The model has " + gradCam.numClasses() + " outputs but the run names "
                    + classNames.size() + " classes.");
        }
    }

    public static RunExplainer forRun(RunDirectory run) throws IOException {
        if (!run.hasBestModel()) {
            throw new IOException("Run " + run.id() + " has no trained model yet (no epoch completed).");
        }
        RunConfig config = run.readConfig();
        return new RunExplainer(run.id(), ModelFiles.load(run.file(RunDirectory.BEST_MODEL), false),
                config.classNames(), new ImagePreprocessor(config.inputSize(), config.resizePolicy()));
    }

    public String runId() {
        return runId;
    }

    public List<String> classNames() {
        return classNames;
    }

    public List<String> convolutionLayers() {
        return gradCam.convolutionLayers();
    }

    public String defaultLayer() {
        return gradCam.defaultLayer();
    }

    /**
     * Checks the choices before any work: a convolution layer of this model (null = {@link #defaultLayer()}) and
     * one of the run's classes (null = the predicted class, per image).
     *
     * @return the class index, or -1 for "predicted"
     */
    public int checkChoices(String layer, String className) {
        gradCam.checkLayer(layer == null ? defaultLayer() : layer);
        if (className == null) {
            return -1;
        }
        int c = classNames.indexOf(className);
        if (c < 0) {
            throw new IllegalArgumentException("There is no class '" + className + "' in run " + runId
                    + "; its classes are " + String.join(", ", classNames) + ".");
        }
        return c;
    }

    /**
     * Explains each readable image; an unreadable one is named with its reason in {@code failures}.
     *
     * @param layer     a convolution layer, or null for the last one
     * @param className the class to explain, or null for each image's predicted class
     */
    public List<Explanation> explain(List<Path> images, String layer, String className, List<String> failures,
                                     ProgressReporter progress, CancellationToken cancel) throws IOException {
        List<Explanation> out = new ArrayList<>();
        explain(images, layer, className, failures, progress, cancel, out::add);
        return out;
    }

    /** As {@link #explain(List, String, String, List, ProgressReporter, CancellationToken)}, handing each result
     *  to {@code sink} as soon as its batch is done, so a long folder need not be held in memory. */
    public void explain(List<Path> images, String layer, String className, List<String> failures,
                        ProgressReporter progress, CancellationToken cancel, IOConsumer<Explanation> sink)
            throws IOException {
        int target = checkChoices(layer, className);
        String chosenLayer = layer == null ? defaultLayer() : layer;
        List<Path> batchPaths = new ArrayList<>();
        List<BufferedImage> batchImages = new ArrayList<>();
        int read = 0;
        for (Path image : images) {
            cancel.throwIfCancelled();
            try {
                batchImages.add(preprocessor.resize(ImageDecoder.readRgb(image)));
                batchPaths.add(image);
            } catch (IOException e) {
                failures.add(image + ": " + e.getMessage());
            }
            read++;
            if (batchImages.size() == BATCH || read == images.size()) {
                for (Explanation e : explainBatch(batchPaths, batchImages, chosenLayer, target)) {
                    sink.accept(e);
                }
                batchPaths.clear();
                batchImages.clear();
                progress.report(read, images.size(), image.getFileName().toString());
            }
        }
    }

    public Explanation explain(Path image, String layer, String className) throws IOException {
        int target = checkChoices(layer, className);
        BufferedImage resized = preprocessor.resize(ImageDecoder.readRgb(image));
        return explainBatch(List.of(image), List.of(resized), layer == null ? defaultLayer() : layer, target).get(0);
    }

    private List<Explanation> explainBatch(List<Path> paths, List<BufferedImage> resized, String layer, int target) {
        if (paths.isEmpty()) {
            return List.of();
        }
        int s = preprocessor.inputSize();
        float[] tensor = new float[paths.size() * preprocessor.tensorLength()];
        for (int i = 0; i < paths.size(); i++) {
            preprocessor.writeTensor(resized.get(i), tensor, i * preprocessor.tensorLength());
        }
        int[] targets = new int[paths.size()];
        Arrays.fill(targets, target);
        List<HeatMap> maps = gradCam.compute(Nd4j.create(tensor, new long[] {paths.size(), 3, s, s}), layer, targets);
        List<Explanation> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            out.add(new Explanation(paths.get(i), resized.get(i), maps.get(i), classNames));
        }
        return out;
    }
}
