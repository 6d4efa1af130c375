package org.transferworkbench.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.transferworkbench.engine.model.fast.Approx.assertClose;

import java.util.Map;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Paired stock-vs-fast graphs with identical parameters must agree in outputs, gradients and training. The fast
 * convolutions call oneDNN directly here; {@link FastLayersThroughLibnd4jTest} repeats every case on libnd4j's ops.
 */
class FastLayersEquivalenceTest {

    private final DataSet data = TinyVgg.batch(6, 7);

    /** Which of the two ways the fast convolution layers of this class compute. */
    boolean callsOneDnnDirectly() {
        return true;
    }

    @Test
    void fastGraphReallyUsesFastLayers() {
        ComputationGraph fast = TinyVgg.fast().build();
        assertInstanceOf(FastConvolutionLayerImpl.class, fast.getLayer("c1"));
        assertInstanceOf(FastMaxPoolingLayerImpl.class, fast.getLayer("p1"));
        assertEquals(callsOneDnnDirectly(), ((FastConvolutionLayerImpl) fast.getLayer("c1")).callsOneDnnDirectly());
    }

    @Test
    void inferenceOutputsMatch() {
        ComputationGraph stock = TinyVgg.stock().build();
        ComputationGraph fast = TinyVgg.fast().buildWithParamsOf(stock);
        assertClose(stock.outputSingle(false, data.getFeatures()), fast.outputSingle(false, data.getFeatures()), "output");
    }

    @Test
    void gradientsMatch() {
        ComputationGraph stock = TinyVgg.stock().build();
        ComputationGraph fast = TinyVgg.fast().buildWithParamsOf(stock);
        assertGradientsMatch(stock, fast);
    }

    @Test
    void trainingWithoutWorkspacesTracksStock() {
        ComputationGraph stock = TinyVgg.stock().workspaces(WorkspaceMode.NONE).build();
        ComputationGraph fast = TinyVgg.fast().workspaces(WorkspaceMode.NONE).buildWithParamsOf(stock);
        assertGradientsMatch(stock, fast);
        fitSteps(stock, 2);
        fitSteps(fast, 2);
        assertClose(stock.params(), fast.params(), "params after 2 Adam steps without workspaces");
    }

    @Test
    void frozenFastLayersMatchFrozenStockLayers() {
        TinyVgg stockShape = TinyVgg.stock().wrapping(FrozenLayer::new, FrozenLayerWithBackprop::new);
        TinyVgg fastShape = TinyVgg.fast().wrapping(FrozenLayer::new, FrozenLayerWithBackprop::new);
        ComputationGraph stock = stockShape.build();
        ComputationGraph fast = fastShape.buildWithParamsOf(stock);
        assertClose(stock.outputSingle(false, data.getFeatures()), fast.outputSingle(false, data.getFeatures()), "output");
        assertGradientsMatch(stock, fast);

        INDArray frozenBefore = fast.getLayer("c1").params().dup();
        INDArray frozenWithBackpropBefore = fast.getLayer("c3").params().dup();
        fitSteps(stock, 3);
        fitSteps(fast, 3);
        assertEquals(frozenBefore, fast.getLayer("c1").params(), "FrozenLayer params must not move");
        assertEquals(frozenWithBackpropBefore, fast.getLayer("c3").params(), "FrozenLayerWithBackprop params must not move");
        assertClose(stock.params(), fast.params(), "params after fit");
    }

    @Test
    void adamTrainingTracksStock() {
        ComputationGraph stock = TinyVgg.stock().build();
        ComputationGraph fast = TinyVgg.fast().buildWithParamsOf(stock);
        fitSteps(stock, 4);
        fitSteps(fast, 4);
        assertClose(stock.params(), fast.params(), "params after 4 Adam steps");
        assertClose(stock.outputSingle(false, data.getFeatures()), fast.outputSingle(false, data.getFeatures()), "output after fit");
    }

    private void fitSteps(ComputationGraph graph, int steps) {
        for (int i = 0; i < steps; i++) {
            graph.fit(data);
        }
    }

    private void assertGradientsMatch(ComputationGraph stock, ComputationGraph fast) {
        for (ComputationGraph graph : new ComputationGraph[] {stock, fast}) {
            graph.setInputs(data.getFeatures());
            graph.setLabels(data.getLabels());
            graph.computeGradientAndScore();
        }
        assertEquals(stock.score(), fast.score(), 1e-5 * Math.abs(stock.score()), "score");
        Map<String, INDArray> expected = stock.gradient().gradientForVariable();
        Map<String, INDArray> actual = fast.gradient().gradientForVariable();
        assertEquals(expected.keySet(), actual.keySet(), "gradient variables");
        expected.forEach((name, grad) -> assertClose(grad, actual.get(name), "gradient " + name));
        assertClose(stock.gradient().gradient(), fast.gradient().gradient(), "flattened gradient");
    }
}
