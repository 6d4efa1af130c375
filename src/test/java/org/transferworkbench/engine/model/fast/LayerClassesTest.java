package org.transferworkbench.engine.model.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.transferworkbench.engine.model.fast.Approx.assertClose;

import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class LayerClassesTest {

    private final INDArray x = TinyVgg.batch(4, 3).getFeatures();

    @Test
    void stockCopyNamesOnlyDl4jClassesAndComputesTheSame() {
        ComputationGraph fast = TinyVgg.fast().build();
        ComputationGraph stock = LayerClasses.stock(fast);

        String json = stock.getConfiguration().toJson();
        assertThat(json).doesNotContain("org.transferworkbench");
        assertThat(stock.getLayer("c2").conf().getLayer()).isExactlyInstanceOf(ConvolutionLayer.class);
        assertThat(stock.getLayer("p1").conf().getLayer()).isExactlyInstanceOf(SubsamplingLayer.class);
        assertThat(stock.params()).isEqualTo(fast.params());
        assertClose(fast.outputSingle(false, x), stock.outputSingle(false, x), "output");
    }

    @Test
    void fastCopyOfTheStockCopyIsTheOriginalNetworkAgain() {
        ComputationGraph fast = TinyVgg.fast().build();
        ComputationGraph back = LayerClasses.fast(LayerClasses.stock(fast));
        assertThat(back.getConfiguration()).isEqualTo(fast.getConfiguration());
        assertThat(back.getLayer("p2")).isInstanceOf(FastMaxPoolingLayerImpl.class);
        assertThat(back.outputSingle(false, x)).as("the same layers: bit for bit").isEqualTo(fast.outputSingle(false, x));
    }

    @Test
    void networksWithNothingToSwapAreReturnedAsThey() {
        ComputationGraph stock = TinyVgg.stock().build();
        assertThat(LayerClasses.stock(stock)).isSameAs(stock);
        ComputationGraph fast = TinyVgg.fast().build();
        assertThat(LayerClasses.fast(fast)).isSameAs(fast);
    }

    @Test
    void theSwitchesThatKeepFreshNetworksStockKeepOpenedOnesStockToo() {
        ComputationGraph stock = TinyVgg.stock().build();
        System.setProperty("tw.fastPool", "false");
        try {
            ComputationGraph swapped = LayerClasses.fast(stock);
            assertThat(swapped.getLayer("c1").conf().getLayer()).isInstanceOf(FastConvolutionLayer.class);
            assertThat(swapped.getLayer("p1").conf().getLayer()).isExactlyInstanceOf(SubsamplingLayer.class);
            System.setProperty("tw.fastConv", "false");
            assertThat(LayerClasses.fast(stock)).isSameAs(stock);
        } finally {
            System.clearProperty("tw.fastPool");
            System.clearProperty("tw.fastConv");
        }
    }

    @Test
    void onlyMaxPoolingBecomesFast() {
        ComputationGraph avg = TinyVgg.stock().averagePooling().build();
        ComputationGraph swapped = LayerClasses.fast(avg);
        assertThat(swapped.getLayer("c1").conf().getLayer()).isInstanceOf(FastConvolutionLayer.class);
        assertThat(swapped.getLayer("p1").conf().getLayer()).isExactlyInstanceOf(SubsamplingLayer.class);
    }
}
