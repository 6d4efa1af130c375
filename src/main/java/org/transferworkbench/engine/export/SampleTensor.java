package org.transferworkbench.engine.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A float tensor as raw little-endian float32 bytes: readable by numpy.fromfile(f, '<f4') and anything else. */
final class SampleTensor {

    private SampleTensor() {
    }

    static byte[] toBytes(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    static float[] fromBytes(byte[] bytes) {
        float[] out = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }
}
