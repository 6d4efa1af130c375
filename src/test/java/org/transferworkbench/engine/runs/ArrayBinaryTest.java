package org.transferworkbench.engine.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ArrayBinaryTest {

    @Test
    void floatArraysAreWrittenExactlyAsNd4jWritesThem() throws IOException {
        Nd4j.getRandom().setSeed(5);
        // Longer than one chunk, with an odd tail; special values must keep their bits.
        INDArray row = Nd4j.rand(DataType.FLOAT, 1, (1 << 18) * 2 + 7);
        row.putScalar(0, 0, Float.NaN);
        row.putScalar(0, 1, Float.NEGATIVE_INFINITY);
        row.putScalar(0, 2, -0.0f);
        row.putScalar(0, 3, Float.MIN_VALUE);
        assertSameBytes(row);
        assertSameBytes(Nd4j.rand(DataType.FLOAT, 3, 4, 5));
        assertSameBytes(Nd4j.rand(DataType.FLOAT, 6, 5).transpose());
        assertSameBytes(Nd4j.create(DataType.FLOAT, 0));
    }

    @Test
    void viewsAreWrittenAsTheirOwnElementsLikeNd4jDoes() throws IOException {
        INDArray whole = Nd4j.linspace(DataType.FLOAT, 1, 60, 1).reshape(6, 10);
        INDArray view = whole.get(NDArrayIndex.interval(2, 5), NDArrayIndex.interval(3, 9));
        assertThat(view.isView()).isTrue();
        assertSameBytes(view);
        assertThat(read(bytes(view))).isEqualTo(view);

        // Views whose elements lie in order: a row further into the buffer, and a graph's flat params() view.
        INDArray row = whole.getRow(3);
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 1000).reshape(1000);
        assertThat(row.isView()).isTrue();
        assertThat(flat.isView()).isTrue();
        assertSameBytes(row);
        assertSameBytes(flat);
        assertSameBytes(whole.get(NDArrayIndex.interval(1, 4), NDArrayIndex.all()));
        assertThat(read(bytes(row))).isEqualTo(row);
    }

    @Test
    void otherTypesGoThroughNd4jsOwnWriter() throws IOException {
        assertSameBytes(Nd4j.linspace(DataType.DOUBLE, 1, 10, 1));
        assertSameBytes(Nd4j.linspace(DataType.INT, 1, 10, 1).reshape(2, 5));
    }

    @Test
    void whatItWritesReadsBackUnchanged() throws IOException {
        INDArray a = Nd4j.rand(DataType.FLOAT, 7, 300);
        assertThat(read(bytes(a))).isEqualTo(a);
    }

    private static void assertSameBytes(INDArray a) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(expected);
        Nd4j.write(a, out);
        out.flush();
        assertThat(bytes(a)).isEqualTo(expected.toByteArray());
    }

    private static byte[] bytes(INDArray a) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(written);
        ArrayBinary.write(a, out);
        out.flush();
        return written.toByteArray();
    }

    private static INDArray read(byte[] bytes) throws IOException {
        return Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes)));
    }
}
