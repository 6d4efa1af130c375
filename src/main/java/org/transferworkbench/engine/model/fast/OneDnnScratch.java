package org.transferworkbench.engine.model.fast;

import org.bytedeco.dnnl.memory;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerScope;

/**
 * The blocked copies one convolution call works on, per thread. They grow to the largest layer's size and every
 * layer reuses them, so a network holds one set (about three activations of its widest layer: 0.6 GB for VGG at
 * 224 px, batch 16) instead of one per layer. Nothing in them outlives a call.
 */
final class OneDnnScratch {

    enum Slot {
        /** The input, for the forward pass and again for the weight gradient. */
        SRC,
        /** The output in the forward pass, the output's gradient in the backward pass. */
        DST,
        DIFF_SRC,
        /** The weights as the forward or the backward-data kernel reads them. */
        WEIGHTS,
        DIFF_WEIGHTS
    }

    private static final ThreadLocal<OneDnnScratch> PER_THREAD = ThreadLocal.withInitial(OneDnnScratch::new);

    /** oneDNN allocates these itself, aligned as its kernels like; a flat f32 buffer of the capacity. */
    private final memory[] owned = new memory[Slot.values().length];
    private final Pointer[] handles = new Pointer[Slot.values().length];
    private final long[] capacity = new long[Slot.values().length];

    private OneDnnScratch() {
    }

    /** A buffer of at least {@code bytes} for this thread's {@code slot}; its contents are undefined. */
    static Pointer get(OneDnn dnn, Slot slot, long bytes) {
        return PER_THREAD.get().buffer(dnn, slot.ordinal(), bytes);
    }

    private Pointer buffer(OneDnn dnn, int slot, long bytes) {
        if (capacity[slot] < bytes) {
            if (owned[slot] != null) {
                owned[slot].close(); // first: the old contents are not needed
            }
            long floats = (bytes + Float.BYTES - 1) / Float.BYTES;
            try (memory.desc flat = new memory.desc(new long[] {floats}, memory.data_type.f32, memory.format_tag.x)) {
                owned[slot] = new memory(flat, dnn.engine());
            }
            PointerScope callScope = PointerScope.getInnerScope();
            if (callScope != null) {
                owned[slot].retainReference(); // it outlives the call that first needed it:
                callScope.detach(owned[slot]);  // detaching alone would release it
            }
            handles[slot] = owned[slot].get_data_handle();
            capacity[slot] = floats * Float.BYTES;
        }
        return handles[slot];
    }
}
