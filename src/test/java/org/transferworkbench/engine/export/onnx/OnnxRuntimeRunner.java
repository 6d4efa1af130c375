package org.transferworkbench.engine.export.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** Runs an exported model.onnx in Microsoft's ONNX Runtime: the independent reader the export is checked against. */
public final class OnnxRuntimeRunner {

    private OnnxRuntimeRunner() {
    }

    /** @param input NCHW floats of {@code n} images of {@code side x side} */
    public static float[][] run(Path model, float[] input, int n, int side) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(model.toString(), options);
             OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {n, 3, side, side});
             OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, tensor))) {
            return (float[][]) result.get(OnnxExporter.OUTPUT).orElseThrow().getValue();
        }
    }
}
