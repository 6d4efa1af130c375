package org.transferworkbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.Adler32Checksum;
import org.transferworkbench.engine.model.weights.WeightDownloader;
import org.transferworkbench.engine.model.weights.ZooWeights;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code weights download vgg16|vgg19} and {@code weights status}: the ImageNet weights cache. */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = "Download DL4J's ImageNet VGG16/VGG19 weights, or show what is cached.")
public final class WeightsCommand {

    @Command(name = "download", mixinStandardHelpOptions = true,
            description = "Download and verify the ImageNet weights of vgg16 or vgg19 into the cache.")
    int download(@Parameters(paramLabel = "MODEL", description = "vgg16 or vgg19") String model,
                 @Option(names = "--weights-url", paramLabel = "URL", description = "Base URL of a mirror.")
                 String url) throws Exception {
        ZooWeights.ZooFile file = ZooWeights.forVariant(VggVariant.parse(model));
        CancellationToken cancel = new CancellationToken();
        ShutdownCancel.install(cancel);
        boolean interactive = System.console() != null;
        try {
            Path got = WeightDownloader.standard().fetch(file, ZooWeights.baseUrl(url), ZooWeights.defaultRoot(),
                    (done, total, msg) -> {
                        if (interactive) {
                            System.err.print("\r  " + msg + "   ");
                        }
                    }, cancel);
            System.err.println();
            System.out.println("Verified " + got + " (Adler32 " + file.adler32() + ").");
            return 0;
        } catch (CancellationException e) {
            System.err.println();
            System.out.println("Cancelled; the partial file is kept and the next download resumes it.");
            return Cli.EXIT_CANCELLED;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the cache folder, the expected files and checksums, and what is there.")
    int status(@Option(names = "--verify", description = "Compute the checksums of cached files.") boolean verify)
            throws Exception {
        Path root = ZooWeights.defaultRoot();
        System.out.println("Cache: " + root.resolve("models") + "   download base URL: " + ZooWeights.baseUrl(null));
        for (ZooWeights.ZooFile f : ZooWeights.all()) {
            Path file = f.folder(root).resolve(f.fileName());
            Path part = f.folder(root).resolve(f.fileName() + ".part");
            String state = Files.isRegularFile(file) ? "cached, " + mb(Files.size(file))
                    : Files.isRegularFile(part) ? "partial download, " + mb(Files.size(part)) : "not downloaded";
            if (verify && Files.isRegularFile(file)) {
                state += Adler32Checksum.of(file) == f.adler32() ? ", checksum OK" : ", CHECKSUM MISMATCH";
            }
            System.out.printf(Locale.ROOT, "%s  %-26s Adler32 %-10d about %s  %s%n    %s%n", f.variant(),
                    f.fileName(), f.adler32(), mb(f.approxBytes()), state, file);
        }
        System.out.println("Keras files (use --weights keras:FILE): vgg16_weights_tf_dim_ordering_tf_kernels[_notop].h5,"
                + " vgg19_weights_tf_dim_ordering_tf_kernels[_notop].h5 from keras-applications.");
        return 0;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}
