package org.transferworkbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.model.fast.FastConvolutionLayer;
import org.transferworkbench.engine.training.Hyperparameters;

/** The whole VGG16 built with the fast convolutions computes what DL4J's own layers compute. */
class FastVggEquivalenceTest {

    @Test
    void fastAndStockVgg16GiveTheSameOutputs() {
        ModelSpec spec = new ModelSpec(VggVariant.VGG16, 64, 3, HeadType.COMPACT, 16, 0.5);
        OptimizationSettings opt = Hyperparameters.defaults().toOptimization(null);
        ComputationGraph fast = VggGraphFactory.build(spec, FreezePlan.firstBlocksFrozen(2), opt);
        ComputationGraph stock;
        System.setProperty("tw.fastConv", "false");
        try {
            stock = VggGraphFactory.build(spec, FreezePlan.firstBlocksFrozen(2), opt);
        } finally {
            System.clearProperty("tw.fastConv");
        }
        assertThat(fast.getLayer("block3_conv1").conf().getLayer()).isInstanceOf(FastConvolutionLayer.class);
        assertThat(stock.getLayer("block3_conv1").conf().getLayer()).isNotInstanceOf(FastConvolutionLayer.class);
        GraphParams.copyMatching(fast, stock);

        Nd4j.getRandom().setSeed(9);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 3, 64, 64).muli(200).subi(100);
        INDArray a = fast.outputSingle(false, x);
        INDArray b = stock.outputSingle(false, x);
        double maxDiff = a.sub(b).amaxNumber().doubleValue();
        assertThat(maxDiff / b.amaxNumber().doubleValue()).isLessThan(1e-4);
    }
}
