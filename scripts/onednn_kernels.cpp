// Times oneDNN convolution primitives for one VGG layer shape: ./onednn_kernels IN_CHANNELS OUT_CHANNELS SIDE (batch 16,
// 3x3, padding 1). Built and run by onednn_kernels.sh; the formats are oneDNN's own choice (format_tag::any), so
// no reorder is timed.
#include <oneapi/dnnl/dnnl.hpp>
#include <chrono>
#include <cstdio>
#include <vector>
using namespace dnnl;
using tag = memory::format_tag; using dt = memory::data_type;
static double now() { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count(); }
int main(int argc, char** argv) {
  int mb = 16, ic = atoi(argv[1]), oc = atoi(argv[2]), hw = atoi(argv[3]);
  engine eng(engine::kind::cpu, 0); stream s(eng);
  memory::dims src{mb, ic, hw, hw}, wei{oc, ic, 3, 3}, bia{oc}, dst{mb, oc, hw, hw}, st{1,1}, pad{1,1};
  auto any = [](memory::dims d){ return memory::desc(d, dt::f32, tag::any); };
  auto fpd = convolution_forward::primitive_desc(eng, prop_kind::forward_training, algorithm::convolution_direct,
      any(src), any(wei), any(bia), any(dst), st, pad, pad);
  auto bdpd = convolution_backward_data::primitive_desc(eng, algorithm::convolution_direct, any(src), any(wei), any(dst), st, pad, pad, fpd);
  auto bwpd = convolution_backward_weights::primitive_desc(eng, algorithm::convolution_direct, any(src), any(wei), any(bia), any(dst), st, pad, pad, fpd);
  memory msrc(fpd.src_desc(), eng), mwei(fpd.weights_desc(), eng), mbia(fpd.bias_desc(), eng), mdst(fpd.dst_desc(), eng);
  memory mdsrc(bdpd.diff_src_desc(), eng), mddst(bdpd.diff_dst_desc(), eng), mddst2(bwpd.diff_dst_desc(), eng), msrc2(bwpd.src_desc(), eng);
  memory mdwei(bwpd.diff_weights_desc(), eng), mdbia(bwpd.diff_bias_desc(), eng), mwei2(bdpd.weights_desc(), eng);
  convolution_forward f(fpd); convolution_backward_data bd(bdpd); convolution_backward_weights bw(bwpd);
  printf("impl fwd %s, bwd_data %s, bwd_weights %s\n", fpd.impl_info_str(), bdpd.impl_info_str(), bwpd.impl_info_str());
  double tf=0, td=0, tw=0; int n=10;
  for (int i = 0; i < n + 2; i++) {
    double t0 = now(); f.execute(s, {{DNNL_ARG_SRC, msrc}, {DNNL_ARG_WEIGHTS, mwei}, {DNNL_ARG_BIAS, mbia}, {DNNL_ARG_DST, mdst}}); s.wait();
    double t1 = now(); bd.execute(s, {{DNNL_ARG_DIFF_DST, mddst}, {DNNL_ARG_WEIGHTS, mwei2}, {DNNL_ARG_DIFF_SRC, mdsrc}}); s.wait();
    double t2 = now(); bw.execute(s, {{DNNL_ARG_SRC, msrc2}, {DNNL_ARG_DIFF_DST, mddst2}, {DNNL_ARG_DIFF_WEIGHTS, mdwei}, {DNNL_ARG_DIFF_BIAS, mdbia}}); s.wait();
    double t3 = now();
    if (i >= 2) { tf += t1-t0; td += t2-t1; tw += t3-t2; }
  }
  printf("%d->%d @%d: fwd %.1f ms, bwd_data %.1f ms, bwd_weights %.1f ms\n", ic, oc, hw, tf/n, td/n, tw/n);
}
