package org.transferworkbench.engine.runs;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.device.HostMemory;

/**
 * Writes an array in {@code Nd4j.write}'s binary format, byte for byte, so {@code Nd4j.read} and ModelSerializer
 * read it back. ND4J writes a float buffer one {@code writeFloat} call per element, 0.2-0.3 s for a VGG16's
 * 15 M weights, which made that loop the largest part of a checkpoint; float buffers here are converted to the
 * format's big-endian order a chunk at a time straight from native memory.
 */
final class ArrayBinary {

    private static final int CHUNK_FLOATS = 1 << 18;

    private ArrayBinary() {
    }

    static void write(INDArray array, DataOutputStream out) throws IOException {
        if (array.data() == null || array.dataType() != DataType.FLOAT || !HostMemory.direct()) {
            Nd4j.write(array, out);
            return;
        }
        if (!array.isView()) {
            array.shapeInfoDataBuffer().write(out);
            writeFloats(array.data(), array.length(), out);
        } else if (array.ordering() == 'c' && Shape.hasDefaultStridesForShape(array)) {
            // Nd4j.write copies every view first (a graph's params() is one) and writes the copy; a view whose
            // elements already lie in order needs no copy: the copy's shape information, then the elements.
            Nd4j.getShapeInfoProvider().createShapeInformation(array.shape(), 'c', DataType.FLOAT).getFirst()
                    .write(out);
            writeFloats(array.data(), array.length(), out);
        } else {
            INDArray dense = array.dup();
            dense.shapeInfoDataBuffer().write(out);
            writeFloats(dense.data(), dense.length(), out);
        }
    }

    /** @param length the elements from the buffer's address pointer on, which already includes a view's offset */
    private static void writeFloats(DataBuffer buffer, long length, DataOutputStream out) throws IOException {
        out.writeUTF(buffer.allocationMode().name());
        out.writeLong(length);
        out.writeUTF(DataType.FLOAT.name());
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_FLOATS * Float.BYTES).order(ByteOrder.BIG_ENDIAN);
        FloatBuffer bigEndian = chunk.asFloatBuffer();
        FloatPointer base = new FloatPointer(buffer.addressPointer());
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(CHUNK_FLOATS, length - done);
            FloatBuffer nativeOrder = base.position(done).limit(done + n).capacity(done + n).asBuffer();
            bigEndian.clear();
            bigEndian.put(nativeOrder);
            out.write(chunk.array(), 0, n * Float.BYTES);
            done += n;
        }
    }
}
