package org.transferworkbench.engine.model.weights;

import static org.bytedeco.hdf5.global.hdf5.H5T_STRING;
import static org.bytedeco.hdf5.global.hdf5.H5free_memory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.hdf5.Attribute;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.StrType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Reads the string-array attributes Keras writes ({@code layer_names}, {@code weight_names}). h5py stores numpy
 * byte strings as fixed-length strings padded with NULs; some writers use variable-length strings; both occur.
 */
final class Hdf5Strings {

    private Hdf5Strings() {
    }

    static List<String> read(Attribute attribute) {
        DataSpace space = attribute.getSpace();
        long n = space.getSimpleExtentNpoints();
        space.deallocate();
        // Layers without weights carry an empty weight_names array, which h5py may store with a non-string type.
        if (n == 0) {
            return List.of();
        }
        if (attribute.getTypeClass() != H5T_STRING) {
            throw new IllegalArgumentException("expected a string attribute");
        }
        StrType type = attribute.getStrType();
        try {
            return type.isVariableStr() ? readVariable(attribute, type, n) : readFixed(attribute, type, n);
        } finally {
            type.deallocate();
        }
    }

    private static List<String> readFixed(Attribute attribute, StrType type, long n) {
        int size = (int) type.getSize();
        byte[] bytes = new byte[Math.toIntExact(n * size)];
        try (BytePointer buffer = new BytePointer(bytes.length)) {
            attribute.read(type, (Pointer) buffer); // the BytePointer overload is std::string
            buffer.get(bytes);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int end = i * size;
            while (end < (i + 1) * size && bytes[end] != 0) {
                end++;
            }
            out.add(new String(bytes, i * size, end - i * size, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> readVariable(Attribute attribute, StrType type, long n) {
        List<String> out = new ArrayList<>();
        try (PointerPointer<BytePointer> pointers = new PointerPointer<>(n)) {
            attribute.read(type, pointers);
            for (int i = 0; i < n; i++) {
                BytePointer s = pointers.get(BytePointer.class, i);
                out.add(s.getString(StandardCharsets.UTF_8));
                H5free_memory(s); // the library allocated each string for us
            }
        }
        return out;
    }
}
