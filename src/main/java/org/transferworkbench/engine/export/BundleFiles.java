package org.transferworkbench.engine.export;

import java.util.List;

/** The names of the files in an export bundle. See docs/EXPORT.md for what each holds. */
public final class BundleFiles {
    public static final String MANIFEST = "manifest.json";
    public static final String MODEL = "model.zip";
    public static final String ONNX_MODEL = "model.onnx";
    public static final String PREPROCESSING = "preprocessing.json";
    public static final String CLASSES_JSON = "classes.json";
    public static final String CLASSES_TXT = "classes.txt";
    public static final String EXPECTED = "expected.json";
    public static final String README = "README.md";
    public static final String SAMPLE_FOLDER = "sample";
    /** The sample's preprocessed input: float32 little-endian, [1, 3, S, S], in the sample folder. */
    public static final String SAMPLE_TENSOR = "input-nchw-float32.bin";

    /** What every bundle has (besides the manifest and the sample image, which expected.json names). */
    static final List<String> REQUIRED = List.of(MODEL, PREPROCESSING, CLASSES_JSON, CLASSES_TXT, EXPECTED, README);

    private BundleFiles() {
    }
}
