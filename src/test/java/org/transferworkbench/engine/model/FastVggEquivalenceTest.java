package org.transferworkbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.model.fast.FastConvolutionLayer;
import org.transferworkbench.engine.model.fast.FastMaxPoolingLayer;
import org.transferworkbench.engine.training.Hyperparameters;

/** The whole VGG16 built with the fast layers computes what DL4J's own layers compute, forward and backward. */
class FastVggEquivalenceTest {

    @Test
    void fastAndStockVgg16GiveTheSameOutputs() {
        ModelSpec spec = new ModelSpec(VggVariant.VGG16, 64, 3, HeadType.COMPACT, 16, 0.5);
        ComputationGraph[] pair = fastAndStock(spec, FreezePlan.firstBlocksFrozen(2));
        ComputationGraph fast = pair[0];
        ComputationGraph stock = pair[1];
        assertThat(fast.getLayer("block3_conv1").conf().getLayer()).isInstanceOf(FastConvolutionLayer.class);
        assertThat(stock.getLayer("block3_conv1").conf().getLayer()).isNotInstanceOf(FastConvolutionLayer.class);
        assertThat(fast.getLayer("block3_pool").conf().getLayer()).isInstanceOf(FastMaxPoolingLayer.class);
        assertThat(stock.getLayer("block3_pool").conf().getLayer()).isNotInstanceOf(FastMaxPoolingLayer.class);

        INDArray x = images(3, 64);
        assertRelativelyClose(fast.outputSingle(false, x), stock.outputSingle(false, x), "output");
    }

    @Test
    void fastAndStockVgg16GiveTheSameGradients() {
        ModelSpec spec = new ModelSpec(VggVariant.VGG16, 32, 3, HeadType.COMPACT, 16, 0.0); // no dropout: deterministic
        ComputationGraph[] pair = fastAndStock(spec, FreezePlan.firstBlocksFrozen(1));
        INDArray x = images(4, 32);
        INDArray labels = Nd4j.eye(3).getRows(0, 1, 2, 0).castTo(DataType.FLOAT);
        Map<String, INDArray> fast = gradients(pair[0], x, labels);
        Map<String, INDArray> stock = gradients(pair[1], x, labels);
        assertThat(fast.keySet()).isEqualTo(stock.keySet()).contains("block2_conv1_W", "block5_conv3_W");
        for (String key : stock.keySet()) {
            assertRelativelyClose(fast.get(key), stock.get(key), "gradient " + key);
        }
    }

    private static ComputationGraph[] fastAndStock(ModelSpec spec, FreezePlan plan) {
        OptimizationSettings opt = Hyperparameters.defaults().toOptimization(null);
        ComputationGraph fast = VggGraphFactory.build(spec, plan, opt);
        ComputationGraph stock;
        System.setProperty("tw.fastConv", "false");
        try {
            stock = VggGraphFactory.build(spec, plan, opt);
        } finally {
            System.clearProperty("tw.fastConv");
        }
        GraphParams.copyMatching(fast, stock);
        return new ComputationGraph[] {fast, stock};
    }

    private static Map<String, INDArray> gradients(ComputationGraph graph, INDArray x, INDArray labels) {
        graph.setInputs(x);
        graph.setLabels(labels);
        graph.computeGradientAndScore();
        Map<String, INDArray> copy = new java.util.TreeMap<>();
        graph.gradient().gradientForVariable().forEach((k, v) -> copy.put(k, v.dup()));
        return copy;
    }

    private static INDArray images(int n, int size) {
        Nd4j.getRandom().setSeed(9);
        return Nd4j.rand(DataType.FLOAT, n, 3, size, size).muli(200).subi(100);
    }

    private static void assertRelativelyClose(INDArray actual, INDArray expected, String what) {
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-12);
        double maxDiff = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(maxDiff / scale).as(what).isLessThan(1e-4);
    }
}
