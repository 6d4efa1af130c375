package org.transferworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput of a VGG16-shaped stack, stock DL4J layers vs the fast (native-op) layers, for inference and for one
 * training step. Not a test: timings on a shared machine are noisy, so each size runs stock and fast back to back.
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
            double[] stock = measure(Vgg16Stack.build(false, size), data);
            String line = String.format("size %d batch %d | stock: infer %.2f img/s, train %.2f img/s", size, batch,
                    stock[0], stock[1]);
            if (!stockOnly) {
                double[] fast = measure(Vgg16Stack.build(true, size), data);
                line += String.format(" | fast: infer %.2f img/s, train %.2f img/s | fast/stock: infer %.2fx, train %.2fx",
                        fast[0], fast[1], fast[0] / stock[0], fast[1] / stock[1]);
            }
            LOG.info(line);
            summary.add(line);
        }
        summary.forEach(line -> LOG.info("RESULT {}", line));
    }

    /** Returns {inference img/s, training img/s}. */
    private static double[] measure(ComputationGraph graph, DataSet data) {
        int n = data.numExamples();
        double infer = n / secondsPerIteration(() -> graph.output(false, data.getFeatures()));
        double train = n / secondsPerIteration(() -> graph.fit(data));
        graph.close(); // frees this graph's workspaces before the next, bigger, one is built
        return new double[] {infer, train};
    }

    private static double secondsPerIteration(Runnable step) {
        for (int i = 0; i < WARMUP; i++) {
            step.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < TIMED; i++) {
            step.run();
        }
        return (System.nanoTime() - start) / 1e9 / TIMED;
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
