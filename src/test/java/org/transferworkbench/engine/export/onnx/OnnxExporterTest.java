package org.transferworkbench.engine.export.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.training.Hyperparameters;

/**
 * The ONNX file, run in ONNX Runtime, gives the DL4J graph's probabilities to 1e-4 on random pixel-scaled
 * inputs: compact head (global average pool, dense, softmax) with frozen blocks, and the paper head at 64 px,
 * where fc1 reads a 2x2 feature map, so a wrong flatten order would show.
 */
class OnnxExporterTest {

    @TempDir
    Path tmp;

    @Test
    void compactHeadWithFrozenBlocksMatchesDl4j() throws Exception {
        ModelSpec spec = new ModelSpec(VggVariant.parse("vgg11"), 32, 4, HeadType.COMPACT, 16, 0.5);
        assertSameOutputs(VggGraphFactory.build(spec, FreezePlan.firstBlocksFrozen(2),
                Hyperparameters.defaults().toOptimization(null)), 32, 5);
    }

    @Test
    void paperHeadFlattensInDl4jOrder() throws Exception {
        ModelSpec spec = new ModelSpec(VggVariant.parse("vgg11"), 64, 3, HeadType.PAPER, 0, 0.5);
        assertSameOutputs(VggGraphFactory.build(spec, FreezePlan.parse("none"),
                Hyperparameters.defaults().toOptimization(null)), 64, 3);
    }

    private void assertSameOutputs(ComputationGraph model, int side, int n) throws Exception {
        // Random initial weights give nearly uniform probabilities; sharpen the output layer so that a wrong
        // layout or a missing layer would move the probabilities far more than the tolerance.
        model.getLayer("predictions").getParam("W").muli(10);
        Path onnx = tmp.resolve("model.onnx");
        OnnxExporter.write(model, side, onnx);
        // Each image its own colour cast and contrast: plain noise images all look alike to a network.
        float[] input = new float[n * 3 * side * side];
        Random rng = new Random(7);
        int plane = side * side;
        for (int i = 0; i < n * 3; i++) {
            float offset = rng.nextFloat() * 200f - 100f;
            float contrast = rng.nextFloat() * 120f;
            for (int j = 0; j < plane; j++) {
                input[i * plane + j] = offset + (rng.nextFloat() - 0.5f) * contrast;
            }
        }
        INDArray expected = model.outputSingle(false, Nd4j.create(input, new long[] {n, 3, side, side}));
        float[][] actual = OnnxRuntimeRunner.run(onnx, input, n, side);

        assertThat(actual.length).isEqualTo(n);
        double spread = 0;
        for (int i = 0; i < n; i++) {
            assertThat(actual[i]).hasSize((int) expected.size(1));
            for (int c = 0; c < actual[i].length; c++) {
                double want = expected.getDouble(i, c);
                assertThat((double) actual[i][c]).as("image %d class %d", i, c).isCloseTo(want, within(1e-4));
                spread = Math.max(spread, Math.abs(want - expected.getDouble(0, c)));
            }
        }
        assertThat(spread).as("outputs differ between images, so the comparison means something")
                .isGreaterThan(1e-3);
    }
}
