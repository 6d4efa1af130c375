package org.transferworkbench.engine.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.data.ImageDecoder;
import org.transferworkbench.engine.data.ImagePreprocessor;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.runs.ModelFiles;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;

/**
 * Classifies new images with a run's best model. It loads its own model instance: DL4J's fit and output are
 * synchronized on the network, so sharing one with a training run would make each wait for the other.
 */
public final class RunPredictor {
    private final ComputationGraph model;
    private final List<String> classNames;
    private final ImagePreprocessor preprocessor;

    public RunPredictor(ComputationGraph model, List<String> classNames, ImagePreprocessor preprocessor) {
        this.model = model;
        this.classNames = List.copyOf(classNames);
        this.preprocessor = preprocessor;
    }

    public static RunPredictor forRun(RunDirectory run) throws IOException {
        RunConfig config = run.readConfig();
        if (!run.hasBestModel()) {
            throw new IOException("Run " + run.id() + " has no trained model yet (no epoch completed).");
        }
        return new RunPredictor(ModelFiles.load(run.file(RunDirectory.BEST_MODEL), false), config.classNames(),
                new ImagePreprocessor(config.inputSize(), config.resizePolicy()));
    }

    public ImagePreprocessor preprocessor() {
        return preprocessor;
    }

    /** The model's output for one image: one probability per class, in class order. */
    public double[] probabilities(Path image) throws IOException {
        float[] tensor = preprocessor.toTensor(ImageDecoder.readRgb(image));
        int s = preprocessor.inputSize();
        INDArray input = Nd4j.create(tensor, new long[] {1, 3, s, s});
        return model.outputSingle(false, input).toDoubleVector();
    }

    public List<String> classNames() {
        return classNames;
    }

    /** One answer per readable image; an unreadable image gives an IOException naming it, in {@code failures}. */
    public List<TopK> predict(List<Path> images, int k, List<String> failures, ProgressReporter progress,
                              CancellationToken cancel) {
        List<TopK> out = new ArrayList<>();
        int done = 0;
        for (Path image : images) {
            cancel.throwIfCancelled();
            try {
                out.add(predict(image, k));
            } catch (IOException e) {
                failures.add(image + ": " + e.getMessage());
            }
            progress.report(++done, images.size(), image.getFileName().toString());
        }
        return out;
    }

    public TopK predict(Path image, int k) throws IOException {
        double[] p = probabilities(image);
        List<TopK.Guess> guesses = new ArrayList<>();
        for (int c = 0; c < p.length; c++) {
            guesses.add(new TopK.Guess(classNames.get(c), p[c]));
        }
        guesses.sort(Comparator.comparingDouble(TopK.Guess::probability).reversed());
        return new TopK(image.toString(), List.copyOf(guesses.subList(0, Math.min(Math.max(1, k), p.length))));
    }
}
