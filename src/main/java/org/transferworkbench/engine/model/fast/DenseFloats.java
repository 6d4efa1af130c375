package org.transferworkbench.engine.model.fast;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/** Direct access to the elements of dense c-order float arrays, for the Java kernels of this package. */
final class DenseFloats {

    private DenseFloats() {
    }

    /** Elements in c order, one after another, with no gaps (a vector's order flag does not matter). */
    static boolean isDense(INDArray a) {
        return (a.ordering() == 'c' || a.rank() == 1) && Shape.hasDefaultStridesForShape(a);
    }

    /** {@code a} itself when dense, else a dense copy. */
    static INDArray dense(INDArray a) {
        return isDense(a) ? a : a.dup('c');
    }

    /** A view of a dense array's elements (the buffer's address pointer already includes a view's offset). */
    static FloatBuffer of(INDArray a) {
        long length = a.length();
        return new FloatPointer(a.data().addressPointer()).position(0).limit(length).capacity(length).asBuffer();
    }
}
