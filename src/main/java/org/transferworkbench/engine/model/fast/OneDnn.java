package org.transferworkbench.engine.model.fast;

import org.bytedeco.dnnl.engine;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.transferworkbench.engine.device.HostMemory;

/**
 * oneDNN called directly, through JavaCPP's preset, when its natives load here. libnd4j links its own oneDNN
 * statically and reaches it only through ops that take and return NCHW arrays; calling the library ourselves lets
 * a layer convert each array to the blocked layout once per call (see {@link OneDnnConvolution}). Both copies of
 * the library share libnd4j's OpenMP runtime: the preset's libgomp resolves to the one already loaded.
 * <p>
 * {@code -Dtw.onednn=false} keeps the layers built from then on with libnd4j's ops, as does any failure to load.
 */
final class OneDnn {
    private static final Logger LOG = LoggerFactory.getLogger(OneDnn.class);

    private final engine cpu;
    /** A stream is not thread-safe; each thread that runs layers gets its own. */
    private final ThreadLocal<stream> streams;

    private OneDnn(engine cpu) {
        this.cpu = cpu;
        this.streams = ThreadLocal.withInitial(() -> new stream(cpu));
    }

    /** The library, or null where it is switched off or did not load. */
    static OneDnn get() {
        return enabled() ? Loaded.INSTANCE : null;
    }

    static boolean available() {
        return get() != null;
    }

    /** HostMemory starts ND4J first, so its libgomp is the one loaded and the preset's resolves to it. */
    private static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("tw.onednn", "true")) && HostMemory.direct();
    }

    engine engine() {
        return cpu;
    }

    stream stream() {
        return streams.get();
    }

    /** Loaded on first use only: the CUDA backend (arrays not in host memory) and -Dtw.onednn=false never load it. */
    private static final class Loaded {
        static final OneDnn INSTANCE = load();
    }

    private static OneDnn load() {
        try {
            Loader.load(org.bytedeco.dnnl.global.dnnl.class);
            OneDnn dnn = new OneDnn(new engine(engine.kind.cpu, 0));
            dnn.stream();
            return dnn;
        } catch (LinkageError | RuntimeException e) {
            LOG.warn("oneDNN's natives did not load ({}): convolutions run through libnd4j's ops, a little slower",
                    e.toString());
            return null;
        }
    }
}
