package org.transferworkbench.engine.model.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.VggLayout;

/**
 * Loads the chosen starting weights into a freshly built network: fetches the zoo file if needed (cancellable,
 * with progress), reads the source, maps it onto the canonical layers and reports what happened.
 */
public final class WeightsLoader {
    private static final Logger LOG = LoggerFactory.getLogger(WeightsLoader.class);

    private final Path zooRoot;
    private final WeightDownloader downloader;

    public WeightsLoader(Path zooRoot, WeightDownloader downloader) {
        this.zooRoot = zooRoot;
        this.downloader = downloader;
    }

    public static WeightsLoader standard() {
        return new WeightsLoader(ZooWeights.defaultRoot(), WeightDownloader.standard());
    }

    /**
     * The source and its checksum as one line for config.json, e.g. {@code imagenet vgg16_dl4j_inference.zip
     * adler32=3501732770}. For files given by the user the checksum is computed here (about a second for 500 MB).
     */
    public String describe(WeightsChoice choice, VggLayout layout, CancellationToken cancel) throws IOException {
        WeightsSource source = choice.source();
        if (source instanceof WeightsSource.ImageNetZoo) {
            ZooWeights.ZooFile f = ZooWeights.forVariant(layout.spec().variant());
            return "imagenet " + f.fileName() + " adler32=" + f.adler32() + head(choice);
        }
        if (source instanceof WeightsSource.KerasH5 k) {
            return "keras " + absolute(k.file()) + " adler32=" + Adler32Checksum.of(existing(k.file()), cancel)
                    + head(choice);
        }
        if (source instanceof WeightsSource.ModelZip m) {
            return "model " + absolute(m.file()) + " adler32=" + Adler32Checksum.of(existing(m.file()), cancel);
        }
        if (source instanceof WeightsSource.WarmStart w) {
            WarmStartMapper.checkTarget(layout.spec().variant());
            Path zip = resolved(w);
            return "warmstart " + (w.sourceRun() == null ? "" : "run=" + w.sourceRun() + " ") + "model="
                    + absolute(zip) + " adler32=" + Adler32Checksum.of(existing(zip), cancel) + " layers="
                    + String.join(",", WarmStartMapper.copiedLayers(layout));
        }
        return "random";
    }

    public WeightLoadReport load(WeightsChoice choice, ComputationGraph graph, VggLayout layout,
                                 ProgressReporter progress, CancellationToken cancel) throws IOException {
        WeightsSource source = choice.source();
        String name = source.cliText();
        if (source instanceof WeightsSource.ImageNetZoo) {
            ZooWeights.ZooFile f = ZooWeights.forVariant(layout.spec().variant());
            Path file = downloader.fetch(f, ZooWeights.baseUrl(choice.baseUrl()), zooRoot, progress, cancel);
            cancel.throwIfCancelled();
            return apply(choice, graph, layout, ZooModelWeights.read(file, f), "imagenet (" + file + ")",
                    Long.toString(f.adler32()));
        }
        if (source instanceof WeightsSource.KerasH5 k) {
            long sum = Adler32Checksum.of(existing(k.file()), cancel);
            return apply(choice, graph, layout, KerasWeights.read(k.file(), layout), name, Long.toString(sum));
        }
        if (source instanceof WeightsSource.ModelZip m) {
            long sum = Adler32Checksum.of(existing(m.file()), cancel);
            return apply(choice, graph, layout, ModelZipWeights.read(m.file()), name, Long.toString(sum));
        }
        if (source instanceof WeightsSource.WarmStart w) {
            Path zip = resolved(w);
            long sum = Adler32Checksum.of(existing(zip), cancel);
            String from = w.sourceRun() == null ? zip.toString() : "run " + w.sourceRun() + " (" + zip + ")";
            WeightLoadReport report = WarmStartMapper.apply(graph, layout, ModelZipWeights.read(zip), from,
                    Long.toString(sum));
            LOG.info("Warm start from {} into {}; random: {}", from, report.loaded(), report.random());
            return report;
        }
        return WeightLoadReport.allRandom(layout.layers().stream().filter(LayerSpec::hasWeights)
                .map(LayerSpec::name).toList());
    }

    private static WeightLoadReport apply(WeightsChoice choice, ComputationGraph graph, VggLayout layout,
                                          SourceWeights source, String name, String checksum) {
        WeightLoadReport report = WeightMapper.apply(graph, layout, source, choice.keepImagenetHead(), name, checksum);
        LOG.info("Loaded weights from {} into {}; random: {}", name, report.loaded(), report.random());
        return report;
    }

    /** A run reference must have been looked up in the run store (the experiment does that) before loading. */
    private static Path resolved(WeightsSource.WarmStart w) {
        if (w.trainsVgg11First()) {
            throw new IllegalArgumentException("--weights warmstart:vgg11 trains a VGG11 first; start it as a warm-start"
                    + " experiment (train does), not as a single run.");
        }
        if (w.modelZip() == null) {
            throw new IllegalStateException("The warm-start run '" + w.reference() + "' was not looked up.");
        }
        return w.modelZip();
    }

    private static String head(WeightsChoice choice) {
        return choice.keepImagenetHead() ? " keep-imagenet-head" : "";
    }

    private static Path existing(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        return file;
    }

    private static String absolute(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
