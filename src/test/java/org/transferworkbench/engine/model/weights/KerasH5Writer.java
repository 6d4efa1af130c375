package org.transferworkbench.engine.model.weights;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;

/**
 * Writes a weights file in the keras-applications layout: root attribute {@code layer_names}, one group per layer
 * with a {@code weight_names} attribute (fixed-length byte strings, as h5py writes numpy arrays) and the datasets
 * it names, in Keras's own array layout.
 */
final class KerasH5Writer {

    /** Keras 1 names ({@code block1_conv1_W_1:0}, datasets directly in the layer group) or Keras 2 names. */
    enum Naming { KERAS1, KERAS2 }

    record Array(long[] shape, float[] data) {
    }

    static {
        Loader.load(org.bytedeco.hdf5.global.hdf5.class);
    }

    private KerasH5Writer() {
    }

    /** @param layers every layer in model order; an empty list for layers without weights (pooling, flatten) */
    static void write(Path file, Map<String, List<Array>> layers, Naming naming) {
        H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC());
        try {
            writeStrings(h5, "layer_names", List.copyOf(layers.keySet()));
            for (Map.Entry<String, List<Array>> e : layers.entrySet()) {
                Group g = h5.createGroup(e.getKey());
                List<String> names = e.getValue().isEmpty() ? List.of() : naming == Naming.KERAS1
                        ? List.of(e.getKey() + "_W_1:0", e.getKey() + "_b_1:0")
                        : List.of(e.getKey() + "/kernel:0", e.getKey() + "/bias:0");
                writeStrings(g, "weight_names", names);
                if (naming == Naming.KERAS2 && !names.isEmpty()) {
                    g.createGroup(e.getKey()).deallocate();
                }
                for (int i = 0; i < names.size(); i++) {
                    Array a = e.getValue().get(i);
                    DataSpace space = new DataSpace(a.shape().length, a.shape());
                    DataSet ds = g.createDataSet(names.get(i), PredType.IEEE_F32LE(), space);
                    ds.write(new FloatPointer(a.data()), PredType.NATIVE_FLOAT());
                    ds.deallocate();
                    space.deallocate();
                }
                g.deallocate();
            }
        } finally {
            h5.deallocate();
        }
    }

    private static void writeStrings(Group g, String name, List<String> values) {
        int size = Math.max(1, values.stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length).max()
                .orElse(1));
        byte[] bytes = new byte[size * Math.max(1, values.size())];
        for (int i = 0; i < values.size(); i++) {
            byte[] v = values.get(i).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(v, 0, bytes, i * size, v.length);
        }
        // h5py writes numpy byte strings as NUL-padded fixed-length strings exactly as long as the longest name.
        StrType type = new StrType(PredType.C_S1(), size);
        type.setStrpad(org.bytedeco.hdf5.global.hdf5.H5T_STR_NULLPAD);
        DataSpace space = new DataSpace(1, new long[] {values.size()});
        Attribute a = g.createAttribute(name, type, space);
        if (!values.isEmpty()) {
            a.write(type, (Pointer) new BytePointer(bytes)); // not the std::string overload
        }
        a.deallocate();
        space.deallocate();
    }
}
