package org.transferworkbench.engine.model.fast;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Every case of {@link FastLayersEquivalenceTest} with the layers on libnd4j's ops, where direct oneDNN is off. */
class FastLayersThroughLibnd4jTest extends FastLayersEquivalenceTest {

    @BeforeEach
    void switchDirectOneDnnOff() {
        System.setProperty("tw.onednn", "false"); // read when a layer is built
    }

    @AfterEach
    void switchBack() {
        System.clearProperty("tw.onednn");
    }

    @Override
    boolean callsOneDnnDirectly() {
        return false;
    }
}
