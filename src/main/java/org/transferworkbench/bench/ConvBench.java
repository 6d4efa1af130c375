package org.transferworkbench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput of a VGG16-shaped stack, stock DL4J layers vs the fast (native-op) layers, for inference and for one
 * training step. Not a test. The machine is shared, so stock and fast iterations alternate (each timed iteration of
 * one is next to one of the other) and the median is reported.
 * Args: sizes (default "64,128"), batch (16), "stock" to time only the stock graph (for backend comparisons).
 */
public final class ConvBench {

    private static final Logger LOG = LoggerFactory.getLogger(ConvBench.class);
    private static final int WARMUP = 2;
    private static final int TIMED = 5;

    private ConvBench() {
    }

    public static void main(String[] args) {
        String sizes = args.length > 0 ? args[0] : "64,128";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        boolean stockOnly = args.length > 2 && args[2].equals("stock");
        LOG.info("helpersAllowed={} threads={} OMP_NUM_THREADS={}", Nd4j.getEnvironment().helpersAllowed(),
                Nd4j.getEnvironment().maxThreads(), System.getenv("OMP_NUM_THREADS"));
        List<String> summary = new ArrayList<>();
        for (String s : sizes.split(",")) {
            int size = Integer.parseInt(s.trim());
            DataSet data = randomBatch(batch, size);
            List<ComputationGraph> graphs = new ArrayList<>(List.of(Vgg16Stack.build(false, size)));
            if (!stockOnly) {
                graphs.add(Vgg16Stack.build(true, size));
            }
            double[] infer = imagesPerSecond(graphs, data, g -> g.output(false, data.getFeatures()));
            double[] train = imagesPerSecond(graphs, data, g -> g.fit(data));
            String line = String.format("size %d batch %d | stock: infer %.2f img/s, train %.2f img/s", size, batch,
                    infer[0], train[0]);
            if (!stockOnly) {
                line += String.format(" | fast: infer %.2f img/s, train %.2f img/s | fast/stock: infer %.2fx, train %.2fx",
                        infer[1], train[1], infer[1] / infer[0], train[1] / train[0]);
            }
            LOG.info("RESULT {}", line);
            summary.add(line);
            graphs.forEach(ComputationGraph::close); // frees workspaces before the next, bigger, graphs
        }
        summary.forEach(line -> LOG.info("SUMMARY {}", line));
    }

    /** Median images/s of {@code step} for each graph, timed iterations interleaved across graphs. */
    private static double[] imagesPerSecond(List<ComputationGraph> graphs, DataSet data,
                                            Consumer<ComputationGraph> step) {
        for (ComputationGraph g : graphs) {
            for (int i = 0; i < WARMUP; i++) {
                step.accept(g);
            }
        }
        double[][] seconds = new double[graphs.size()][TIMED];
        for (int i = 0; i < TIMED; i++) {
            for (int g = 0; g < graphs.size(); g++) {
                long start = System.nanoTime();
                step.accept(graphs.get(g));
                seconds[g][i] = (System.nanoTime() - start) / 1e9;
            }
        }
        double[] rates = new double[graphs.size()];
        for (int g = 0; g < graphs.size(); g++) {
            LOG.info("graph {} seconds/iter {}", g == 0 ? "stock" : "fast", Arrays.toString(seconds[g]));
            Arrays.sort(seconds[g]);
            rates[g] = data.numExamples() / seconds[g][TIMED / 2];
        }
        return rates;
    }

    private static DataSet randomBatch(int batch, int size) {
        Nd4j.getRandom().setSeed(3);
        DataSet data = new DataSet(Nd4j.rand(DataType.FLOAT, batch, 3, size, size),
                Nd4j.zeros(DataType.FLOAT, batch, Vgg16Stack.CLASSES));
        for (int i = 0; i < batch; i++) {
            data.getLabels().putScalar(i, i % Vgg16Stack.CLASSES, 1.0);
        }
        return data;
    }
}
