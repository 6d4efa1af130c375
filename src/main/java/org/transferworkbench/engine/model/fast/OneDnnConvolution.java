package org.transferworkbench.engine.model.fast;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.dnnl.IntMemoryMap;
import org.bytedeco.dnnl.convolution_backward_data;
import org.bytedeco.dnnl.convolution_backward_weights;
import org.bytedeco.dnnl.convolution_forward;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.dnnl.memory;
import org.bytedeco.dnnl.post_ops;
import org.bytedeco.dnnl.primitive_attr;
import org.bytedeco.dnnl.reorder;
import org.bytedeco.dnnl.stream;
import org.bytedeco.javacpp.PointerScope;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.transferworkbench.engine.model.fast.OneDnnScratch.Slot;

/**
 * One convolution layer's passes as direct oneDNN calls. libnd4j's conv2d_bp converts eight arrays between NCHW
 * and oneDNN's blocked layout on every call, rebuilds its primitives and allocates its blocked copies each time;
 * here the primitives are built once per input shape, each array is converted at most once per call into reused
 * buffers, and a ReLU runs inside the forward kernel (docs/PERFORMANCE.md: 0.83-0.97 of the time per step). The caller's arrays stay in DL4J's layouts (NCHW activations,
 * OIHW weights), so the layer around it, its parameters and its checkpoints do not change.
 * <p>
 * Not thread-safe, like the DL4J layer that owns it.
 */
final class OneDnnConvolution {

    /** Shapes seen lately (the training batch, a last short batch, an evaluation batch), primitives for each. */
    private static final int SHAPES_KEPT = 4;

    private final OneDnn dnn;
    private final Map<Shape, Primitives> primitives = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Shape, Primitives> eldest) {
            if (size() > SHAPES_KEPT) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };

    OneDnnConvolution(OneDnn dnn) {
        this.dnn = dnn;
    }

    /** Two sizes of a window, along the height and the width. */
    record Sizes(int height, int width) {
        static Sizes of(int[] hw) {
            return new Sizes(hw[0], hw[1]);
        }

        long[] asLongs() {
            return new long[] {height, width};
        }
    }

    /** What a call's primitives depend on: the NCHW input's shape and the window. */
    record Shape(long batch, long inChannels, long height, long width, long outChannels, long outHeight,
                 long outWidth, Sizes kernel, Sizes stride, Sizes padBefore, Sizes padAfter, Sizes dilation,
                 boolean bias) {

        long[] src() {
            return new long[] {batch, inChannels, height, width};
        }

        long[] dst() {
            return new long[] {batch, outChannels, outHeight, outWidth};
        }

        long[] weights() {
            return new long[] {outChannels, inChannels, kernel.height(), kernel.width()};
        }
    }

    /**
     * The shape of this call when oneDNN computes it as the stock layer would, else null: float arrays only, and
     * a window that covers the padded input exactly (oneDNN takes the padding after the input explicitly; DL4J's
     * truncate mode may leave rows out, which shows here as negative padding).
     */
    static Shape shape(INDArray in, INDArray weights, boolean bias, WindowGeometry g) {
        if (in.dataType() != DataType.FLOAT || weights.dataType() != DataType.FLOAT || in.rank() != 4) {
            return null;
        }
        int[] after = new int[2];
        for (int d = 0; d < 2; d++) {
            long span = (long) (g.outSize()[d] - 1) * g.stride()[d] + (long) (g.kernel()[d] - 1) * g.dilation()[d] + 1;
            after[d] = (int) (span - in.size(2 + d) - g.pad()[d]);
            if (after[d] < 0) {
                return null;
            }
        }
        return new Shape(in.size(0), in.size(1), in.size(2), in.size(3), weights.size(0), g.outSize()[0],
                g.outSize()[1], Sizes.of(g.kernel()), Sizes.of(g.stride()), Sizes.of(g.pad()), Sizes.of(after),
                Sizes.of(g.dilation()), bias);
    }

    /**
     * out = conv(in, weights) + bias, with ReLU applied when {@code relu}. All arrays dense c-order floats; bias
     * may be null when the shape has none.
     */
    void forward(Shape shape, INDArray in, INDArray weights, INDArray bias, INDArray out, boolean relu) {
        requireBiasAsShaped(shape, bias);
        Forward f = primitivesFor(shape).forward(relu);
        stream s = dnn.stream();
        try (PointerScope scope = new PointerScope(memory.class, IntMemoryMap.class)) {
            IntMemoryMap args = new IntMemoryMap();
            args.put(DNNL_ARG_SRC, f.src.intoKernel(s, in, Slot.SRC));
            args.put(DNNL_ARG_WEIGHTS, f.weights.intoKernel(s, weights, Slot.WEIGHTS));
            if (bias != null) {
                args.put(DNNL_ARG_BIAS, wrap(f.bias, bias));
            }
            memory dst = f.dst.kernelSide(out, Slot.DST);
            args.put(DNNL_ARG_DST, dst);
            f.primitive.execute(s, args);
            f.dst.outOfKernel(s, dst, out);
        }
    }

    /**
     * The gradients of a forward call without activation, from {@code delta} (the gradient at its output):
     * epsOut for the input, and the weight and bias gradients, written over (not added to) their arrays.
     */
    void backward(Shape shape, INDArray in, INDArray weights, INDArray delta, INDArray epsOut, INDArray weightGrad,
                  INDArray biasGrad) {
        requireBiasAsShaped(shape, biasGrad);
        Backward b = primitivesFor(shape).backward();
        stream s = dnn.stream();
        try (PointerScope scope = new PointerScope(memory.class, IntMemoryMap.class)) {
            memory diffDst = b.diffDst.intoKernel(s, delta, Slot.DST);

            IntMemoryMap w = new IntMemoryMap();
            w.put(DNNL_ARG_SRC, b.src.intoKernel(s, in, Slot.SRC));
            w.put(DNNL_ARG_DIFF_DST, diffDst);
            memory diffWeights = b.diffWeights.kernelSide(weightGrad, Slot.DIFF_WEIGHTS);
            w.put(DNNL_ARG_DIFF_WEIGHTS, diffWeights);
            if (biasGrad != null) {
                w.put(DNNL_ARG_DIFF_BIAS, wrap(b.diffBias, biasGrad));
            }
            b.weightsPrimitive.execute(s, w);
            b.diffWeights.outOfKernel(s, diffWeights, weightGrad);

            IntMemoryMap d = new IntMemoryMap();
            // Both kernels want the same blocked layout for the output gradient on every CPU seen so far.
            d.put(DNNL_ARG_DIFF_DST, b.sameDiffDst ? diffDst : b.dataDiffDst.intoKernel(s, delta, Slot.SRC));
            d.put(DNNL_ARG_WEIGHTS, b.dataWeights.intoKernel(s, weights, Slot.WEIGHTS));
            memory diffSrc = b.diffSrc.kernelSide(epsOut, Slot.DIFF_SRC);
            d.put(DNNL_ARG_DIFF_SRC, diffSrc);
            b.dataPrimitive.execute(s, d);
            b.diffSrc.outOfKernel(s, diffSrc, epsOut);
        }
    }

    private static void requireBiasAsShaped(Shape shape, INDArray bias) {
        if ((bias != null) != shape.bias()) {
            throw new IllegalArgumentException("bias " + (bias == null ? "missing" : "given") + " for a convolution "
                    + (shape.bias() ? "with" : "without") + " one");
        }
    }

    private Primitives primitivesFor(Shape shape) {
        return primitives.computeIfAbsent(shape, Primitives::new);
    }

    private memory wrap(memory.desc desc, INDArray a) {
        return new memory(desc, dnn.engine(), a.data().addressPointer());
    }

    /** One array as DL4J holds it and as a kernel wants it, with the reorder between the two (null if equal). */
    private final class Layout implements AutoCloseable {
        private final memory.desc user;
        private final memory.desc kernel;
        private final reorder reorder;

        /** {@code intoKernel}: the reorder runs from the user's layout to the kernel's, else back. */
        Layout(memory.desc user, memory.desc kernel, boolean intoKernel) {
            this.user = user;
            this.kernel = kernel;
            this.reorder = user.equals(kernel) ? null : intoKernel
                    ? new reorder(new reorder.primitive_desc(dnn.engine(), user, dnn.engine(), kernel))
                    : new reorder(new reorder.primitive_desc(dnn.engine(), kernel, dnn.engine(), user));
        }

        /** The array in the kernel's layout: itself, or its copy in this thread's scratch slot. */
        memory intoKernel(stream s, INDArray a, Slot slot) {
            memory mine = wrap(user, a);
            if (reorder == null) {
                return mine;
            }
            memory theirs = new memory(kernel, dnn.engine(), OneDnnScratch.get(dnn, slot, kernel.get_size()));
            reorder.execute(s, mine, theirs);
            return theirs;
        }

        /** Where the kernel writes a result that {@link #outOfKernel} then brings to {@code a}. */
        memory kernelSide(INDArray a, Slot slot) {
            return reorder == null ? wrap(user, a)
                    : new memory(kernel, dnn.engine(), OneDnnScratch.get(dnn, slot, kernel.get_size()));
        }

        void outOfKernel(stream s, memory written, INDArray a) {
            if (reorder != null) {
                reorder.execute(s, written, wrap(user, a));
            }
        }

        @Override
        public void close() {
            if (reorder != null) {
                reorder.close();
            }
            kernel.close();
        }
    }

    private static memory.desc desc(long[] dims, memory.format_tag tag) {
        return new memory.desc(dims, memory.data_type.f32, tag);
    }

    private final class Forward implements AutoCloseable {
        final convolution_forward.primitive_desc descriptor;
        final convolution_forward primitive;
        final Layout src;
        final Layout weights;
        final Layout dst;
        final memory.desc bias;

        Forward(Primitives p, boolean relu) {
            try (primitive_attr attr = new primitive_attr(); post_ops ops = new post_ops()) {
                if (relu) {
                    ops.append_eltwise(1f, dnnl.algorithm.eltwise_relu, 0f, 0f);
                    attr.set_post_ops(ops);
                }
                try (convolution_forward.desc d = p.forwardDesc()) {
                    descriptor = new convolution_forward.primitive_desc(d, attr, dnn.engine());
                }
            }
            primitive = new convolution_forward(descriptor);
            src = new Layout(p.srcUser, descriptor.src_desc(), true);
            weights = new Layout(p.weightsUser, descriptor.weights_desc(), true);
            dst = new Layout(p.dstUser, descriptor.dst_desc(), false);
            bias = p.bias;
        }

        @Override
        public void close() {
            src.close();
            weights.close();
            dst.close();
            primitive.close();
            descriptor.close();
        }
    }

    private final class Backward implements AutoCloseable {
        final convolution_backward_weights.primitive_desc weightsDescriptor;
        final convolution_backward_weights weightsPrimitive;
        final convolution_backward_data.primitive_desc dataDescriptor;
        final convolution_backward_data dataPrimitive;
        final Layout src;
        final Layout diffDst;
        final Layout diffWeights;
        final memory.desc diffBias;
        final Layout dataDiffDst;
        final boolean sameDiffDst;
        final Layout dataWeights;
        final Layout diffSrc;

        Backward(Primitives p, Forward hint) {
            Shape s = p.shape;
            try (memory.desc anySrc = desc(s.src(), memory.format_tag.any);
                 memory.desc anyWeights = desc(s.weights(), memory.format_tag.any);
                 memory.desc anyDst = desc(s.dst(), memory.format_tag.any)) {
                convolution_backward_weights.desc w = p.bias == null
                        ? new convolution_backward_weights.desc(dnnl.algorithm.convolution_direct, anySrc, anyWeights,
                                anyDst, p.strides, p.dilates, p.padBefore, p.padAfter)
                        : new convolution_backward_weights.desc(dnnl.algorithm.convolution_direct, anySrc, anyWeights,
                                p.bias, anyDst, p.strides, p.dilates, p.padBefore, p.padAfter);
                weightsDescriptor = new convolution_backward_weights.primitive_desc(w, dnn.engine(), hint.descriptor);
                w.close();
                convolution_backward_data.desc d = new convolution_backward_data.desc(
                        dnnl.algorithm.convolution_direct, anySrc, anyWeights, anyDst, p.strides, p.dilates,
                        p.padBefore, p.padAfter);
                dataDescriptor = new convolution_backward_data.primitive_desc(d, dnn.engine(), hint.descriptor);
                d.close();
            }
            weightsPrimitive = new convolution_backward_weights(weightsDescriptor);
            dataPrimitive = new convolution_backward_data(dataDescriptor);
            src = new Layout(p.srcUser, weightsDescriptor.src_desc(), true);
            diffDst = new Layout(p.dstUser, weightsDescriptor.diff_dst_desc(), true);
            diffWeights = new Layout(p.weightsUser, weightsDescriptor.diff_weights_desc(), false);
            diffBias = p.bias;
            dataDiffDst = new Layout(p.dstUser, dataDescriptor.diff_dst_desc(), true);
            sameDiffDst = dataDiffDst.kernel.equals(diffDst.kernel);
            dataWeights = new Layout(p.weightsUser, dataDescriptor.weights_desc(), true);
            diffSrc = new Layout(p.srcUser, dataDescriptor.diff_src_desc(), false);
        }

        @Override
        public void close() {
            for (Layout l : new Layout[] {src, diffDst, diffWeights, dataDiffDst, dataWeights, diffSrc}) {
                l.close();
            }
            weightsPrimitive.close();
            dataPrimitive.close();
            weightsDescriptor.close();
            dataDescriptor.close();
        }
    }

    /** Everything built for one shape: the descriptors in DL4J's layouts and, when first needed, the kernels. */
    private final class Primitives implements AutoCloseable {
        final Shape shape;
        final memory.desc srcUser;
        final memory.desc weightsUser;
        final memory.desc dstUser;
        final memory.desc bias;
        final long[] strides;
        final long[] dilates;
        final long[] padBefore;
        final long[] padAfter;
        private Forward plain;
        private Forward withRelu;
        private Backward backward;

        Primitives(Shape s) {
            shape = s;
            srcUser = desc(s.src(), memory.format_tag.nchw);
            weightsUser = desc(s.weights(), memory.format_tag.oihw);
            dstUser = desc(s.dst(), memory.format_tag.nchw);
            bias = s.bias() ? desc(new long[] {s.outChannels()}, memory.format_tag.x) : null;
            strides = s.stride().asLongs();
            dilates = new long[] {s.dilation().height() - 1, s.dilation().width() - 1}; // oneDNN counts the gaps
            padBefore = s.padBefore().asLongs();
            padAfter = s.padAfter().asLongs();
        }

        convolution_forward.desc forwardDesc() {
            try (memory.desc anySrc = desc(shape.src(), memory.format_tag.any);
                 memory.desc anyWeights = desc(shape.weights(), memory.format_tag.any);
                 memory.desc anyDst = desc(shape.dst(), memory.format_tag.any)) {
                // forward_training: the backward primitives take this one as their hint
                return bias == null
                        ? new convolution_forward.desc(dnnl.prop_kind.forward_training,
                                dnnl.algorithm.convolution_direct, anySrc, anyWeights, anyDst, strides, dilates,
                                padBefore, padAfter)
                        : new convolution_forward.desc(dnnl.prop_kind.forward_training,
                                dnnl.algorithm.convolution_direct, anySrc, anyWeights, bias, anyDst, strides,
                                dilates, padBefore, padAfter);
            }
        }

        Forward forward(boolean relu) {
            if (relu) {
                return withRelu != null ? withRelu : (withRelu = new Forward(this, true));
            }
            return plain != null ? plain : (plain = new Forward(this, false));
        }

        Backward backward() {
            return backward != null ? backward : (backward = new Backward(this, forward(false)));
        }

        @Override
        public void close() {
            for (AutoCloseable c : new AutoCloseable[] {plain, withRelu, backward}) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            srcUser.close();
            weightsUser.close();
            dstUser.close();
            if (bias != null) {
                bias.close();
            }
        }
    }
}
