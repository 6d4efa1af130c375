package org.transferworkbench.engine.model;

import java.util.Locale;
import org.transferworkbench.engine.device.MemoryBudget;

/**
 * A planning figure for the memory a training run needs, checked before any work starts: parameters, their
 * gradients and optimiser state, and the activations of one minibatch (kept for back-propagation, plus the
 * convolution working memory). Deliberately on the high side; DL4J's workspaces add some slack of their own.
 *
 * @param optimizerSlots optimiser state per trainable parameter: 2 for Adam, 1 for momentum, 0 for plain SGD
 */
public record MemoryEstimate(long parameterBytes, long gradientAndOptimizerBytes, long activationBytes) {

    /** Back-propagation keeps each activation, its gradient and the im2col buffer of the largest layer. */
    private static final int TRAINING_ACTIVATION_FACTOR = 3;

    public static MemoryEstimate of(VggLayout layout, FreezePlan plan, int batchSize, int optimizerSlots) {
        long params = layout.totalParams();
        long trainable = params - layout.frozenParams(plan);
        long activationFloats = 0;
        long largestIm2col = 0;
        for (LayerSpec l : layout.layers()) {
            long out = 1;
            for (long d : l.outputShape()) {
                out *= d;
            }
            activationFloats += out;
            if (l.kind() == LayerSpec.Kind.CONVOLUTION) {
                largestIm2col = Math.max(largestIm2col,
                        (long) l.size() * l.size() * l.inputWidth() * l.outputShape()[1] * l.outputShape()[2]);
            }
        }
        long activations = (activationFloats * TRAINING_ACTIVATION_FACTOR + largestIm2col) * batchSize * Float.BYTES;
        return new MemoryEstimate(params * Float.BYTES, trainable * (1L + optimizerSlots) * Float.BYTES,
                activations);
    }

    public long totalBytes() {
        return parameterBytes + gradientAndOptimizerBytes + activationBytes;
    }

    /**
     * @param availableBytes what the native allocator may use (JavaCPP's maxphysicalbytes less the heap)
     * @throws IllegalArgumentException with advice when the plan will not fit
     */
    public void requireFits(long availableBytes, int batchSize) {
        requireFits(new MemoryBudget(availableBytes, "the native memory limit", null), batchSize);
    }

    /**
     * Compares with 90 % of the budget: allocators fragment, and on a GPU the CUDA context and cuDNN workspaces
     * take their share before the network does.
     *
     * @throws IllegalArgumentException with advice when the plan will not fit
     */
    public void requireFits(MemoryBudget budget, int batchSize) {
        if (totalBytes() > budget.bytes() * 0.9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "This plan needs about %.1f GB (parameters %.1f, gradients and optimiser %.1f, activations of a "
                            + "batch of %d %.1f) but only %.1f GB are available (%s); use a smaller batch size "
                            + "(activations scale with it), a smaller input size, or freeze more blocks%s.",
                    gb(totalBytes()), gb(parameterBytes), gb(gradientAndOptimizerBytes), batchSize,
                    gb(activationBytes), gb(budget.bytes()), budget.where(), budget.extraAdvice()));
        }
    }

    private static double gb(long bytes) {
        return bytes / 1e9;
    }
}
