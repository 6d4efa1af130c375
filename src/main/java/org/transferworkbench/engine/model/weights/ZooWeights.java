package org.transferworkbench.engine.model.weights;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.transferworkbench.engine.model.VggVariant;

/**
 * DL4J's pretrained ImageNet VGG files and where they live.
 *
 * <p>File names and checksums are those declared by deeplearning4j-zoo 1.0.0-M2.1 ({@code VGG16.pretrainedUrl /
 * pretrainedChecksum}, {@code VGG19} likewise, {@code PretrainedType.IMAGENET}); they are copied here so the zoo
 * module (and its dependencies) need not be on the class path. The zoo declares no sizes: the ones here are
 * estimates from the parameter counts (float32) and only serve the user's orientation.
 *
 * <p>Cache: DL4J's own layout, {@code ~/.deeplearning4j/models/vgg16/vgg16_dl4j_inference.zip} (the root moves
 * with the system property {@code org.deeplearning4j.resources.directory}, as in DL4J's {@code DL4JResources}),
 * so a file fetched by DL4J itself, or by hand following DL4J's documentation, is found and reused.
 *
 * <p>Base URL: {@code --weights-url}, else the system property {@code org.deeplearning4j.resources.baseurl} (as
 * DL4J reads it), else DL4J 1.0.0-M2.1's default. The older host blob.deeplearning4j.org no longer answers.
 */
public final class ZooWeights {
    public static final String BASE_URL_PROPERTY = "org.deeplearning4j.resources.baseurl";
    public static final String DIRECTORY_PROPERTY = "org.deeplearning4j.resources.directory";
    /** {@code DL4JResources.DL4J_DEFAULT_URL} in deeplearning4j resources 1.0.0-M2.1. */
    public static final String DEFAULT_BASE_URL = "https://dl4jdata.blob.core.windows.net/";

    /**
     * One downloadable file.
     *
     * @param approxBytes estimated size, -1 when unknown
     * @param convOnly    the file's dense layers do not form the paper's fc1/fc2 (the zoo's VGG19 has a single
     *                    4096-unit dense layer), so only its convolutions are used
     */
    public record ZooFile(VggVariant variant, String fileName, long adler32, long approxBytes, boolean convOnly) {

        /** {@code models/<file>} below the base URL, as {@code DL4JResources.getURLString} builds it. */
        public URI url(String baseUrl) {
            String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
            return URI.create(base + "models/" + fileName);
        }

        /** {@code <root>/models/<vgg16|vgg19>}, as {@code DL4JResources.getDirectory(ZOO_MODEL, modelName)}. */
        public Path folder(Path root) {
            return root.resolve("models").resolve(variant.cliName().toLowerCase(Locale.ROOT));
        }
    }

    public static final ZooFile VGG16 = new ZooFile(VggVariant.VGG16, "vgg16_dl4j_inference.zip", 3501732770L,
            553_000_000L, false);
    public static final ZooFile VGG19 = new ZooFile(VggVariant.VGG19, "vgg19_dl4j_inference.zip", 2782932419L,
            508_000_000L, true);

    private ZooWeights() {
    }

    public static List<ZooFile> all() {
        return List.of(VGG16, VGG19);
    }

    public static ZooFile forVariant(VggVariant variant) {
        return switch (variant) {
            case VGG16 -> VGG16;
            case VGG19 -> VGG19;
            default -> throw new IllegalArgumentException("DL4J publishes ImageNet weights for VGG16 and VGG19 only, "
                    + "not " + variant + "; choose --model vgg16 or vgg19, or --weights random.");
        };
    }

    /** {@code ~/.deeplearning4j} unless DL4J's directory property says otherwise. */
    public static Path defaultRoot() {
        String property = System.getProperty(DIRECTORY_PROPERTY);
        return property != null && !property.isBlank() ? Path.of(property)
                : Path.of(System.getProperty("user.home"), ".deeplearning4j");
    }

    /** @param override the user's {@code --weights-url}, or null */
    public static String baseUrl(String override) {
        if (override != null && !override.isBlank()) {
            return override;
        }
        String property = System.getProperty(BASE_URL_PROPERTY);
        return property != null && !property.isBlank() ? property : DEFAULT_BASE_URL;
    }
}
