package org.transferworkbench.engine.model.weights;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_RDONLY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads the weights of a Keras HDF5 weights file by layer name, as Keras itself does in
 * {@code load_weights_from_hdf5_group}: the root's {@code layer_names} attribute lists the layers, each layer's
 * group lists its datasets in order in {@code weight_names}. The names differ by Keras version
 * ({@code block1_conv1_W_1:0} in the Keras 1 files of keras-applications, {@code block1_conv1/kernel:0} later), but
 * the order is always kernel, then bias, so the reader relies on the order and the ranks, never on the names.
 *
 * <p>Arrays are returned in Keras's layout (conv kernels HWIO, dense [in, out]); {@link KerasLayout} converts.
 * DL4J's own {@code KerasModelImport} cannot be used: it needs the model configuration, which these weights-only
 * files do not contain.
 */
public final class KerasH5Reader {
    /** The HDF5 library is not thread-safe; every call into it goes through this lock. */
    private static final Object HDF5 = new Object();

    static {
        Loader.load(org.bytedeco.hdf5.global.hdf5.class);
    }

    private KerasH5Reader() {
    }

    /**
     * @param wanted the layers to read; others are skipped without loading their arrays
     * @return kernel and bias of each wanted layer that has weights, by layer name, in file order
     */
    public static Map<String, List<INDArray>> read(Path file, Set<String> wanted) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString());
        }
        synchronized (HDF5) {
            H5File h5;
            try {
                h5 = new H5File(file.toString(), H5F_ACC_RDONLY());
            } catch (RuntimeException e) {
                throw new IOException(file + " is not an HDF5 file (" + e.getMessage() + ").", e);
            }
            try {
                // Whole models saved with model.save() keep their weights one level down.
                Group root = h5.nameExists("model_weights") ? h5.openGroup("model_weights") : h5;
                Map<String, List<INDArray>> out = new LinkedHashMap<>();
                for (String layer : strings(root, "layer_names", file)) {
                    if (wanted.contains(layer)) {
                        List<INDArray> arrays = readLayer(root, layer, file);
                        if (!arrays.isEmpty()) {
                            out.put(layer, arrays);
                        }
                    }
                }
                return out;
            } catch (RuntimeException e) {
                throw new IOException("Cannot read the Keras weights in " + file + ": " + e.getMessage(), e);
            } finally {
                h5.deallocate();
            }
        }
    }

    private static List<INDArray> readLayer(Group root, String layer, Path file) {
        Group group = root.openGroup(layer);
        try {
            List<INDArray> arrays = new ArrayList<>();
            for (String name : strings(group, "weight_names", file)) {
                arrays.add(readDataset(group, name));
            }
            return arrays;
        } finally {
            group.deallocate();
        }
    }

    private static List<String> strings(Group group, String attribute, Path file) {
        if (!group.attrExists(attribute)) {
            throw new IllegalArgumentException("no '" + attribute + "' attribute; " + file.getFileName()
                    + " is not a Keras weights file");
        }
        Attribute a = group.openAttribute(attribute);
        try {
            return Hdf5Strings.read(a);
        } finally {
            a.deallocate();
        }
    }

    /** Reads straight into a fresh ND4J buffer: the full fc1 is 400 MB, which must not be copied through the heap. */
    private static INDArray readDataset(Group group, String name) {
        DataSet dataset = group.openDataSet(name);
        DataSpace space = dataset.getSpace();
        try {
            long[] dims = new long[space.getSimpleExtentNdims()];
            space.getSimpleExtentDims(dims);
            INDArray array = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, dims, 'c');
            DataBuffer buffer = array.data();
            dataset.read(buffer.addressPointer(), PredType.NATIVE_FLOAT());
            return array;
        } finally {
            space.deallocate();
            dataset.deallocate();
        }
    }
}
