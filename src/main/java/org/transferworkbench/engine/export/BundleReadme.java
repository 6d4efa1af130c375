package org.transferworkbench.engine.export;

import java.util.List;
import java.util.Locale;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.experiment.EnvironmentInfo;

/** The README.md of a bundle: what a programmer needs to use the model without the Workbench. */
final class BundleReadme {

    private BundleReadme() {
    }

    private static String centreCrop() {
        return "int side = Math.min(img.getWidth(), img.getHeight());\n"
                + "g.drawImage(img.getSubimage((img.getWidth() - side) / 2, (img.getHeight() - side) / 2, side, side), "
                + "0, 0, s, s, null);\n";
    }

    private static String letterbox(PreprocessingSpec p) {
        List<Integer> f = p.letterboxFill();
        return "double k = (double) s / Math.max(img.getWidth(), img.getHeight());\n"
                + "int w = Math.max(1, (int) Math.round(img.getWidth() * k)), "
                + "h = Math.max(1, (int) Math.round(img.getHeight() * k));\n"
                + "g.setColor(new Color(" + f.get(0) + ", " + f.get(1) + ", " + f.get(2) + "));\n"
                + "g.fillRect(0, 0, s, s);\n"
                + "BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);\n"
                + "Graphics2D gs = scaled.createGraphics();\n"
                + "gs.setRenderingHints(g.getRenderingHints());\n"
                + "gs.drawImage(img, 0, 0, w, h, null);\n"
                + "g.drawImage(scaled, (s - w) / 2, (s - h) / 2, null);\n";
    }

    static String text(String runId, PreprocessingSpec p, List<String> classes, ExpectedOutput expected,
                       boolean withOnnx) {
        int s = p.inputSize();
        List<Double> m = p.meanBgr();
        String resize = p.resizePolicy() == ResizePolicy.LETTERBOX
                ? "Scale the longer side to " + s + " px and centre the image on a " + s + "x" + s
                        + " canvas of RGB " + p.letterboxFill()
                : "Scale the shorter side to " + s + " px and cut the centred " + s + "x" + s + " square";
        StringBuilder b = new StringBuilder();
        b.append("# Image classifier exported from Transfer Workbench\n\n")
                .append("Run `").append(runId).append("`, exported by Transfer Workbench ")
                .append(EnvironmentInfo.workbenchVersion()).append(" (Deeplearning4j ")
                .append(EnvironmentInfo.DL4J_VERSION).append("). ").append(classes.size())
                .append(" classes, input ").append(s).append("x").append(s).append(" px.\n\n")
                .append("| file | content |\n|---|---|\n")
                .append("| `model.zip` | the DL4J ComputationGraph, inference only (no optimiser state) |\n");
        if (withOnnx) {
            b.append("| `model.onnx` | the same network as ONNX (opset 13): input `input` [N, 3, ").append(s)
                    .append(", ").append(s).append("], output `probabilities` [N, ").append(classes.size())
                    .append("] |\n");
        }
        b.append("| `preprocessing.json` | how an image becomes the input tensor |\n")
                .append("| `classes.json`, `classes.txt` | class names in output order (index 0 first) |\n")
                .append("| `").append(expected.image()).append("`, `expected.json` | a test image and the model's ")
                .append("answer for it |\n")
                .append("| `").append(expected.inputTensor()).append("` | that image after step 3 below: raw ")
                .append("float32 little-endian, [1, 3, ").append(s).append(", ").append(s).append("] |\n")
                .append("| `manifest.json` | SHA-256 of every other file, and the Workbench version |\n\n");
        b.append("## Input\n\n")
                .append("1. Decode to RGB (grey becomes 3 channels, alpha is composited on white, EXIF orientation ")
                .append("applied).\n2. ").append(resize).append(", bilinear (")
                .append("reductions of 2x or more first halve the image step by step).\n")
                .append("3. Tensor float32 `[1, 3, ").append(s).append(", ").append(s)
                .append("]`, channels first, planes in **B, G, R** order, values 0-255 minus the means ")
                .append(String.format(Locale.ROOT, "B %s, G %s, R %s", m.get(0), m.get(1), m.get(2)))
                .append(". No scaling to 0-1, no division by a standard deviation.\n\n")
                .append("The output is one softmax probability per class, in `classes.txt` order.\n\n");
        b.append("## Load it with DL4J (Java, Deeplearning4j ").append(EnvironmentInfo.DL4J_VERSION).append(")\n\n")
                .append("```java\n")
                .append("ComputationGraph model = ModelSerializer.restoreComputationGraph(new File(\"model.zip\"), ")
                .append("false);\n")
                .append("BufferedImage img = ImageIO.read(new File(\"").append(expected.image()).append("\"));\n")
                .append("int s = ").append(s).append(";\n")
                .append("BufferedImage sq = new BufferedImage(s, s, BufferedImage.TYPE_INT_RGB);\n")
                .append("Graphics2D g = sq.createGraphics();\n")
                .append("g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, ")
                .append("RenderingHints.VALUE_INTERPOLATION_BILINEAR);\n")
                .append("g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);\n")
                .append(p.resizePolicy() == ResizePolicy.LETTERBOX ? letterbox(p) : centreCrop())
                .append("float[] x = new float[3 * s * s];\n")
                .append("for (int i = 0; i < s * s; i++) { int p = sq.getRGB(i % s, i / s);\n")
                .append(String.format(Locale.ROOT, "    x[i] = (p & 0xFF) - %sf; x[s * s + i] = (p >> 8 & 0xFF) - %sf; "
                        + "x[2 * s * s + i] = (p >> 16 & 0xFF) - %sf; }%n", m.get(0), m.get(1), m.get(2)))
                .append("INDArray probabilities = model.outputSingle(false, Nd4j.create(x, new long[] {1, 3, s, s}));\n")
                .append("```\n\n")
                .append("This one-step bilinear scaling matches the Workbench when the image is less than twice the ")
                .append("input size; larger images are first halved step by step there (see above), so expect small ")
                .append("differences, or feed `").append(expected.inputTensor())
                .append("` to check the model alone.\n\n");
        b.append("## Check your setup with the sample\n\n")
                .append("`expected.json` holds the model's probabilities for `").append(expected.image())
                .append("` (true class `").append(expected.trueClass()).append("`, predicted `")
                .append(expected.predictedClass()).append("`), rounded to 6 decimals. Your pipeline is right when ")
                .append("every probability is within ").append(String.format(Locale.ROOT, "%.0e", expected.tolerance()))
                .append(" of it.\n\n")
                .append("With the Workbench: `./run.sh export --verify BUNDLE` checks the files against ")
                .append("`manifest.json` and re-runs the sample; `./run.sh predict BUNDLE IMAGES...` classifies ")
                .append("images (BUNDLE is this folder or its zip).\n");
        return b.toString();
    }
}
