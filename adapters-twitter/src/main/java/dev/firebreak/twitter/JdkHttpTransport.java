package dev.firebreak.twitter;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link HttpTransport} over the JDK's {@link HttpClient}. Streamed bodies are handed over through a
 * queue filled by the client's own delivery, so a read can wait with a timeout (the stall detector)
 * without a thread of ours.
 */
final class JdkHttpTransport implements HttpTransport {

    private final HttpClient client;

    JdkHttpTransport(HttpClient client) {
        this.client = client;
    }

    @Override
    public Response send(Request request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(toJdk(request), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.headers().map(), r.body());
    }

    @Override
    public StreamResponse openStream(Request request) throws IOException, InterruptedException {
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> r =
                client.send(toJdk(request), HttpResponse.BodyHandlers.ofPublisher());
        QueueSubscriber subscriber = new QueueSubscriber();
        r.body().subscribe(subscriber);
        return new JdkStream(r.statusCode(), HttpTransport.lowerCase(r.headers().map()), subscriber);
    }

    private static HttpRequest toJdk(Request request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        request.headers().forEach(b::header);
        HttpRequest.BodyPublisher body = request.body()
                .map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody);
        return b.method(request.method(), body).build();
    }

    /** Receives body chunks from the HTTP client and queues them for the reader, one request at a time. */
    private static final class QueueSubscriber implements Flow.Subscriber<List<ByteBuffer>> {
        private static final Object END = new Object();
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            queue.add(item);
        }

        @Override
        public void onError(Throwable t) {
            queue.add(t);
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            queue.add(END);
        }
    }

    private static final class JdkStream implements StreamResponse {
        private final int status;
        private final Map<String, List<String>> headers;
        private final QueueSubscriber subscriber;
        private Iterator<ByteBuffer> chunks = List.<ByteBuffer>of().iterator();
        private ByteBuffer current = ByteBuffer.allocate(0);
        private boolean ended;

        JdkStream(int status, Map<String, List<String>> headers, QueueSubscriber subscriber) {
            this.status = status;
            this.headers = headers;
            this.subscriber = subscriber;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public Map<String, List<String>> headers() {
            return headers;
        }

        @Override
        public int read(byte[] buffer, Duration timeout) throws IOException, InterruptedException {
            while (!current.hasRemaining()) {
                if (chunks.hasNext()) {
                    current = chunks.next();
                    continue;
                }
                if (ended) {
                    return -1;
                }
                Object next = subscriber.queue.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    return 0;
                }
                if (next == QueueSubscriber.END) {
                    ended = true;
                    return -1;
                }
                if (next instanceof Throwable) {
                    ended = true;
                    Throwable t = (Throwable) next;
                    throw t instanceof IOException ? (IOException) t : new IOException(t.getMessage(), t);
                }
                @SuppressWarnings("unchecked")
                List<ByteBuffer> list = (List<ByteBuffer>) next;
                chunks = list.iterator();
                Flow.Subscription s = subscriber.subscription;
                if (s != null && !subscriber.cancelled) {
                    s.request(1);
                }
            }
            int n = Math.min(buffer.length, current.remaining());
            current.get(buffer, 0, n);
            return n;
        }

        @Override
        public void close() {
            subscriber.cancel();
        }
    }
}
