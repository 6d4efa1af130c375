package org.transferworkbench.engine.export.onnx;

/**
 * The ONNX messages the exporter writes (field numbers from onnx.proto, IR version 7): tensors, nodes with
 * their attributes, and typed graph inputs and outputs.
 */
final class OnnxNodes {
    static final int FLOAT = 1;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    private OnnxNodes() {
    }

    /** TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9. */
    static ProtoWriter tensor(String name, long[] dims, float[] values) {
        return new ProtoWriter().packedInt64s(1, dims).varint(2, FLOAT).string(8, name)
                .bytes(9, ProtoWriter.littleEndian(values));
    }

    /** NodeProto: input = 1, output = 2, name = 3, op_type = 4, attribute = 5. */
    static ProtoWriter node(String opType, String name, String[] inputs, String output, ProtoWriter... attributes) {
        ProtoWriter n = new ProtoWriter();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, name).string(4, opType);
        for (ProtoWriter a : attributes) {
            n.message(5, a);
        }
        return n;
    }

    /** AttributeProto: name = 1, i = 3, type = 20. */
    static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT);
    }

    /** AttributeProto: name = 1, ints = 8, type = 20. */
    static ProtoWriter intsAttribute(String name, long... values) {
        return new ProtoWriter().string(1, name).packedInt64s(8, values).varint(20, ATTRIBUTE_INTS);
    }

    /**
     * ValueInfoProto (name = 1, type = 2) of a float tensor whose first dimension is the symbolic batch size N.
     * TypeProto.tensor_type = 1; Tensor.elem_type = 1, shape = 2; Dimension.dim_value = 1, dim_param = 2.
     */
    static ProtoWriter batchedFloat(String name, long... dimsAfterBatch) {
        ProtoWriter shape = new ProtoWriter().message(1, new ProtoWriter().string(2, "N"));
        for (long d : dimsAfterBatch) {
            shape.message(1, new ProtoWriter().varint(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }
}
