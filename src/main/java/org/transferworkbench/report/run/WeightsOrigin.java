package org.transferworkbench.report.run;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.transferworkbench.engine.model.weights.WeightLoadReport;

/**
 * The starting weights as a run recorded them: config.json's {@code weights} ("imagenet FILE adler32=N",
 * "keras PATH adler32=N", "model PATH adler32=N" or "random") and, when present, weights.json.
 *
 * @param checksum the Adler-32 of the weights file, or null when the run did not record one
 */
public record WeightsOrigin(String kind, String file, String checksum, boolean keepsImagenetHead) {
    private static final Pattern ADLER = Pattern.compile("\\s*\\badler32=(\\d+)");
    private static final Pattern WARM_MODEL = Pattern.compile("\\bmodel=(.+?)(?= layers=|$)");
    private static final Pattern WARM_RUN = Pattern.compile("\\brun=(\\S+)");

    public static WeightsOrigin of(String recorded, Optional<WeightLoadReport> load) {
        String text = recorded == null ? "" : recorded.strip();
        if (text.isEmpty() || text.equals("random")) {
            return new WeightsOrigin("random", null, null, false);
        }
        boolean keepHead = text.endsWith(" keep-imagenet-head");
        if (keepHead) {
            text = text.substring(0, text.length() - " keep-imagenet-head".length());
        }
        Matcher m = ADLER.matcher(text);
        String checksum = m.find() ? m.group(1) : load.map(WeightLoadReport::checksum).orElse(null);
        String rest = ADLER.matcher(text).replaceAll("").strip();
        int space = rest.indexOf(' ');
        String kind = space < 0 ? rest : rest.substring(0, space);
        String file = space < 0 ? null : rest.substring(space + 1).strip();
        if (kind.equals("warmstart") && file != null) {
            // "run=ID model=PATH layers=a,b": the VGG11 model file is what the checksum is of
            Matcher model = WARM_MODEL.matcher(file);
            Matcher run = WARM_RUN.matcher(file);
            file = (model.find() ? model.group(1).strip() : file)
                    + (run.find() ? ", trained in run " + run.group(1) : "");
        }
        return new WeightsOrigin(kind, file, checksum, keepHead);
    }

    public boolean isRandom() {
        return kind.equals("random");
    }

    /** "ImageNet weights from DL4J's model zoo (vgg16_dl4j_inference.zip, Adler-32 12345)". */
    public String sentence() {
        String what = switch (kind) {
            case "random" -> "random initialisation (no pretrained weights)";
            case "imagenet" -> "ImageNet weights from DL4J's model zoo";
            case "keras" -> "ImageNet weights from a keras-applications file";
            case "model" -> "the weights of an earlier DL4J model";
            case "warmstart" -> "the paper's warm start: the first four convolution layers and the fully connected "
                    + "layers of a VGG11 trained on the same data";
            default -> kind;
        };
        if (isRandom()) {
            return what;
        }
        return what + " (" + (file == null ? "file not recorded" : file) + ", Adler-32 checksum "
                + (checksum == null ? Fmt.NOT_RECORDED : checksum) + ")";
    }
}
