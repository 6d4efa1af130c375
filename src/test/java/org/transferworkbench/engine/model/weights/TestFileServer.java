package org.transferworkbench.engine.model.weights;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Serves one file on 127.0.0.1, optionally honouring Range and cutting the first responses short. */
final class TestFileServer implements AutoCloseable {
    private final HttpServer server;
    private final byte[] content;
    private final boolean rangeSupported;
    private final AtomicInteger dropsLeft;
    private final int dropAfterBytes;
    final List<String> rangeHeaders = new CopyOnWriteArrayList<>();

    TestFileServer(byte[] content, boolean rangeSupported, int drops, int dropAfterBytes) throws IOException {
        this.content = content;
        this.rangeSupported = rangeSupported;
        this.dropsLeft = new AtomicInteger(drops);
        this.dropAfterBytes = dropAfterBytes;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        rangeHeaders.add(range == null ? "" : range);
        int start = 0;
        if (rangeSupported && range != null && range.startsWith("bytes=")) {
            start = Integer.parseInt(range.substring(6, range.indexOf('-')));
            ex.getResponseHeaders().add("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            ex.sendResponseHeaders(206, content.length - start);
        } else {
            ex.sendResponseHeaders(200, content.length);
        }
        OutputStream out = ex.getResponseBody();
        if (dropsLeft.getAndDecrement() > 0) {
            out.write(content, start, Math.min(dropAfterBytes, content.length - start));
            out.flush();
            // Closing the raw connection mid-body is what a dropped link looks like to the client.
            ex.close();
            return;
        }
        out.write(content, start, content.length - start);
        out.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
