package org.transferworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.transferworkbench.engine.explain.Explanation;
import org.transferworkbench.engine.explain.GradCamPng;
import org.transferworkbench.engine.explain.RunExplainer;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code gradcam RUN IMAGE|FOLDER... --out DIR}: where in each image a run's best model found its class. */
@Command(name = "gradcam", mixinStandardHelpOptions = true,
        description = "Grad-CAM heat maps of a run's best model: one PNG per image (map over the image) plus the "
                + "raw map, and the predicted class with its probability.")
public final class GradCamCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Parameters(index = "0", paramLabel = "RUN", description = "Run folder name (or a unique part of it) or path.")
    String run;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "IMAGE|FOLDER", description = "Images or folders.")
    List<Path> inputs;

    @Option(names = "--layer", paramLabel = "NAME",
            description = "Convolution layer to explain (default: the last one, block5_conv3 in VGG16, block5_conv4 "
                    + "in VGG19).")
    String layer;

    @Option(names = "--class", paramLabel = "NAME", description = "Class to explain (default: the predicted one).")
    String className;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the PNG files.")
    Path out;

    @Override
    public Integer call() throws IOException {
        RunExplainer explainer = RunExplainer.forRun(parent.runStore().open(run));
        explainer.checkChoices(layer, className); // refuse a bad layer or class before reading any image
        List<Path> images = PredictCommand.expand(inputs);
        CancellationToken cancel = new CancellationToken();
        ShutdownCancel.install(cancel);
        List<String> failures = new ArrayList<>();
        Set<String> stems = new HashSet<>();
        int[] written = {0};
        System.out.printf(Locale.ROOT, "Grad-CAM of run %s at layer %s for %s%n", explainer.runId(),
                layer == null ? explainer.defaultLayer() : layer,
                className == null ? "the predicted class" : "class " + className);
        try {
            explainer.explain(images, layer, className, failures, ProgressReporter.silent(), cancel, e -> {
                GradCamPng.Written files = GradCamPng.write(e, explainer.runId(), out, uniqueStem(e.image(), stems));
                System.out.println(line(e, files.overlay()));
                written[0]++;
            });
        } catch (CancellationException e) {
            System.err.println("Cancelled after " + written[0] + " images.");
            return Cli.EXIT_CANCELLED;
        }
        failures.forEach(f -> System.err.println("Skipped " + f));
        return written[0] == 0 ? Cli.EXIT_FAILED : 0;
    }

    private static String line(Explanation e, Path png) {
        String target = e.targetClass().equals(e.predictedClass()) ? ""
                : String.format(Locale.ROOT, ", map for %s (%.4f)", e.targetClass(), e.targetProbability());
        String empty = e.map().isEmpty() ? " (the map is zero everywhere: nothing at this layer speaks for the class)"
                : "";
        return String.format(Locale.ROOT, "%s: %s %.4f%s -> %s%s", e.image(), e.predictedClass(), e.confidence(),
                target, png, empty);
    }

    /** The image's name without extension, numbered when two inputs share a name (e.g. from different folders). */
    static String uniqueStem(Path image, Set<String> used) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String candidate = stem;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = stem + "-" + i;
        }
        return candidate;
    }
}
